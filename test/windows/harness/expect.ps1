# What a finished install must look like on the fake machine (install.ps1's own read-back is not trusted here).
. ([IO.Path]::Combine($PSScriptRoot, 'expect-logon.ps1'))
function Test-Installed([string] $Edition = 'Enterprise', [switch] $LocalMode, [switch] $NoLimitBlankCheck) {
    $name = Get-ProductValue 'KioskAccount'
    Test-That ($name -match '^wwv-[a-z2-9]{8}$') "KioskAccount is a random wwv- name ($name)"
    $u = $global:W.Users[[string]$name]
    if (-not $u) { Test-That $false 'the kiosk account exists'; return }
    Test-That $u.Enabled 'the kiosk account is enabled (last step)'
    Test-Equal 'Kiosk-systeemaccount' $u.FullName 'full name: neutral, nothing like the tile'
    Test-That ($u.PasswordRequired -and -not $u.UserMayChangePassword -and $u.PasswordNeverExpires) 'password required, not changeable, never expires'
    $secret = [WachtwoordVergeten.Lsa]::Secrets['L$WachtwoordVergetenKiosk']
    Test-That ($u.Password.Length -ge 32) "password of at least 32 characters ($($u.Password.Length))"
    Test-That ($secret -ceq $u.Password) 'the LSA secret is the account password'
    Test-That ($global:W.UsersGroup -contains $u.Sid) 'member of BUILTIN\Users'
    $rights = @([WachtwoordVergeten.Lsa]::GetAccountRights($u.Sid))
    foreach ($r in 'SeDenyNetworkLogonRight', 'SeDenyRemoteInteractiveLogonRight', 'SeDenyBatchLogonRight', 'SeDenyServiceLogonRight') { Test-That ($rights -contains $r) "right $r" }
    Test-Equal 1 (Get-ProductValue 'Ready') 'Ready = 1'
    Test-Equal 'Wachtwoord vergeten' (Get-ProductValue 'TileTitle') 'TileTitle'
    # The tile's registration (WINDOWS-CONTRACT).
    $clsid = '{6D75EE9F-8460-466C-8E35-C5706647502F}'
    $cp = $global:W.Items["hklm\software\microsoft\windows\currentversion\authentication\credential providers\$clsid".ToLowerInvariant()]
    Test-That ($cp -and $cp.Values['(default)'].Data -eq 'Wachtwoord vergeten') 'credential provider key'
    $inproc = $global:W.Items["hklm\software\classes\clsid\$clsid\inprocserver32".ToLowerInvariant()]
    Test-That ($inproc -and $inproc.Values['(default)'].Data -eq "$AppDir\resources\logon-tile\wachtwoord-vergeten-tile.dll" -and $inproc.Values['ThreadingModel'].Data -eq 'Apartment') 'InprocServer32 + Apartment'
    # Per-user local GPO, admin-owned, read back with the writer's reader.
    $gpo = "C:\Windows\System32\GroupPolicyUsers\$($u.Sid)"
    $pol = $global:W.Items["$gpo\User\Registry.pol".ToLowerInvariant()]
    Test-That ($null -ne $pol) 'Registry.pol written'
    if ($pol) {
        $entries = @(ConvertFrom-RegistryPol ([byte[]]$pol.Bytes))
        $has = { param($k, $n, $v) @($entries | Where-Object { $_.Key -eq $k -and $_.Name -eq $n -and "$($_.Value)" -eq "$v" }).Count -eq 1 }
        foreach ($n in 'DisableTaskMgr', 'DisableLockWorkstation', 'DisableChangePassword') { Test-That (& $has 'Software\Microsoft\Windows\CurrentVersion\Policies\System' $n 1) "policy $n" }
        foreach ($n in 'NoControlPanel', 'NoRun', 'NoClose') { Test-That (& $has 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' $n 1) "policy $n" }
        Test-That (& $has 'Software\Policies\Microsoft\Windows\System' 'DisableCMD' 1) 'policy DisableCMD'
        Test-That (& $has 'Control Panel\Accessibility\StickyKeys' 'Flags' '506') 'Sticky Keys hotkey off'
        Test-That (& $has 'Control Panel\Keyboard' 'PrintScreenKeyForSnippingEnabled' 0) 'Print Screen does not snip'
        Test-That (& $has 'Software\Policies\Microsoft\Windows\OOBE' 'DisablePrivacyExperience' 1) 'no privacy experience'
        Test-That (& $has 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer\DisallowRun' '**delvals.' ' ') 'DisallowRun list replaced, not merged'
        Test-Equal ($Edition -eq 'Pro') (& $has 'Software\Microsoft\Windows\CurrentVersion\Policies\System' 'Shell' "`"$AppExePath`"") 'Shell policy only on Pro'
    }
    Test-That ((Get-FileText "$gpo\gpt.ini") -match '\{35378EAC-683F-11D2-A89A-00C04FBBCFA2\}') 'gpt.ini names the registry extension'
    Test-That ($global:W.Items[$gpo.ToLowerInvariant()].Protected) 'GPO folder does not inherit'
    # Settings: admin-owned, kiosk reads; central unless -LocalMode.
    $dir = $global:W.Items['c:\programdata\wachtwoord vergeten']
    Test-That ($dir -and $dir.Owner -eq $Admins -and $dir.Protected -and -not @($dir.Acl | Where-Object { $_.Sid -notin @($Admins, $System) -and $_.Rights -ne 'RX' }).Count) 'settings folder admin-owned, kiosk read-only'
    $json = (Get-FileText 'C:\ProgramData\Wachtwoord vergeten\kiosk.json') | ConvertFrom-Json
    Test-Equal $(if ($LocalMode) { 'local' } else { 'central' }) $json.mode 'kiosk.json mode'
    Test-Equal $name $json.kioskAccount 'kiosk.json kioskAccount'
    Test-That ($json.logoffOnExit -eq $true) 'kiosk.json logoffOnExit'
    foreach ($f in 'install.ps1', 'uninstall.ps1', 'common.ps1', 'check.ps1', 'drift.ps1') { Test-That ($null -ne $global:W.Items["c:\programdata\wachtwoord vergeten\setup\$f"]) "script copy setup\$f" }
    if ($Edition -eq 'Enterprise') {
        $shell = $global:W.Wesl.Shells[$u.Sid]
        Test-That ($global:W.Wesl.Enabled -and $shell -and $shell.Shell -eq "`"$AppExePath`"" -and "$($shell.CustomReturnCodesAction)" -eq '3' -and $shell.DefaultAction -eq 0) 'Shell Launcher: kiosk shell, exit 0 -> nothing, else restart'
        $x = [xml]$global:W.AppLockerLocal
        foreach ($t in 'Exe', 'Appx') { Test-Equal 'Enabled' $x.SelectSingleNode("//RuleCollection[@Type='$t']").EnforcementMode "AppLocker $t enforced" }
        foreach ($p in '%SYSTEM32%\rundll32.exe', '%SYSTEM32%\regsvr32.exe', '%SYSTEM32%\mshta.exe', '%SYSTEM32%\cmstp.exe', '%WINDIR%\hh.exe', '%WINDIR%\Microsoft.NET\*') {
            Test-That ($null -ne $x.SelectSingleNode("//FilePathRule[@Action='Deny' and @UserOrGroupSid='$($u.Sid)']/Conditions/FilePathCondition[@Path='$p']")) "AppLocker denies $p to the kiosk"
        }
        Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='Appx']/FilePublisherRule[@Action='Deny' and @UserOrGroupSid='$($u.Sid)']")) 'AppLocker denies packaged apps to the kiosk'
        Test-Equal 'Auto' $global:W.AppIdSvc.StartMode 'AppIDSvc automatic'
    } else {
        Test-That (-not $global:W.Wesl.Shells.Count) 'no Shell Launcher on Pro'
        Test-Equal '<AppLockerPolicy Version="1" />' $global:W.AppLockerLocal 'no AppLocker on Pro'
    }
    Test-That (-not @($global:W.Tasks.Keys | Where-Object { $_ -notin 'Wachtwoord vergeten - controle', 'Wachtwoord vergeten - na aanmelden' }).Count) 'no setup task left'
    Test-LogonScreen $u $Edition
    $drift = $global:W.Tasks['Wachtwoord vergeten - controle']
    Test-That ($drift -and $drift.User -eq 'SYSTEM' -and $drift.Trigger -eq 'AtStartup,Daily 03:00' -and $drift.Argument -match 'setup\\check\.ps1" -Task$') "the drift task: SYSTEM, at start-up and daily, the admin-owned check.ps1 -Task ($($drift.Argument))"
    $pol2 = $global:W.Items["C:\Windows\System32\GroupPolicyUsers\$($u.Sid)\User\Registry.pol".ToLowerInvariant()]
    if ($pol2) { $e2 = @(ConvertFrom-RegistryPol ([byte[]]$pol2.Bytes)); foreach ($n in 'DisableLocalMachineRun', 'DisableLocalMachineRunOnce', 'DisableCurrentUserRun', 'DisableCurrentUserRunOnce') { Test-That (@($e2 | Where-Object { $_.Key -eq 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' -and $_.Name -eq $n -and $_.Value -eq 1 }).Count -eq 1) "policy $n (no Run/RunOnce, no OneDriveSetup in the kiosk session)" } }
    if (-not $NoLimitBlankCheck) { Test-Equal 1 $global:W.Items['hklm\system\currentcontrolset\control\lsa'].Values['LimitBlankPasswordUse'].Data 'LimitBlankPasswordUse untouched' }
}
