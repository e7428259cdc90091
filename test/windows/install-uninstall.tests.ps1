# install.ps1 and uninstall.ps1, end to end, on the fake machine (harness/): the happy paths, idempotence, the
# editions, a pending restart, an adopted account, a planted settings folder, and the properties that must hold
# whatever happens: fail closed, no blank password, the password never printed, uninstall restores the machine.
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'cases.ps1'))

Case 'clean install (Enterprise, central) gives the expected state; uninstall gives back exactly the initial one' {
    $before = Get-WorldSnapshot
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit "install exit code`n$($r.Output)"
    Test-Installed
    Test-That (-not ($r.Output -match 'LOCAL MODE')) 'no local-mode warning in central mode'
    $log = @($global:W.Log)
    Test-That (-not @($log | Where-Object { $_ -match 'Get-LocalGroupMember' }).Count) 'Get-LocalGroupMember is never called (orphaned SIDs)'
    $enable = @($log | Where-Object { $_ -match 'Enable-LocalUser' })
    Test-That ($enable.Count -eq 1 -and $enable[0] -match '\[enable\]') 'the account is enabled once, in the last step'
    $u = Invoke-Kiosk 'uninstall.ps1'
    Test-Equal 0 $u.Exit "uninstall exit code`n$($u.Output)"
    Test-SameWorld $before (Get-WorldSnapshot) 'install + uninstall = the initial machine'
    # Order: the tile goes first, then the accounts are disabled, then the secret is deleted.
    $order = @('Credential Providers', 'Disable-LocalUser', 'LsaStorePrivateData\(NULL\)', 'Remove-LocalUser') | ForEach-Object { $p = $_; ($global:W.Log | Where-Object { $_ -match $p } | Select-Object -First 1) -replace '^(\d+).*', '$1' }
    Test-Equal (($order | ForEach-Object { [int]$_ } | Sort-Object) -join ',') (($order | ForEach-Object { [int]$_ }) -join ',') "uninstall order: provider, disable, secret, account ($($order -join ','))"
}

Case 'a re-run repairs in place: same account, new password, same state; then uninstall is clean' {
    $before = Get-WorldSnapshot
    Invoke-Kiosk 'install.ps1' $CentralParams | Out-Null
    $first = Get-WorldSnapshot
    $pw1 = [WachtwoordVergeten.Lsa]::Secrets['L$WachtwoordVergetenKiosk']
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit "re-run exit code`n$($r.Output)"
    Test-Installed
    Test-That ($pw1 -cne [WachtwoordVergeten.Lsa]::Secrets['L$WachtwoordVergetenKiosk']) 'the password is new at every install'
    $strip = { param($s) $s -replace 'Version=\d+', 'Version=n' -replace '"Bytes": "W0dlbmVyYWxd[^"]*"', '"Bytes": "gpt.ini"' }
    Test-SameWorld (& $strip $first) (& $strip (Get-WorldSnapshot)) 'a re-run changes nothing but the password and the GPO version'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall after a re-run'
    Test-SameWorld $before (Get-WorldSnapshot) 're-run + uninstall = the initial machine'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'a second uninstall finds nothing to do'
}

Case 'Pro: the shell is the per-user Custom User Interface policy; no Shell Launcher, no AppLocker' {
    New-World -Sku 48
    $before = Get-WorldSnapshot
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit "install on Pro`n$($r.Output)"
    Test-Installed -Edition 'Pro'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall on Pro'
    Test-SameWorld $before (Get-WorldSnapshot) 'Pro: install + uninstall = the initial machine'
}

Case 'a needed restart: exit 3010, account disabled until the SYSTEM task has finished and verified' {
    $global:W.NeedsRestart = @('Client-EmbeddedShellLauncher')
    $before = Get-WorldSnapshot
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 3010 $r.Exit "install exit code with a pending restart`n$($r.Output)"
    Test-Closed 'restart pending'
    $task = $global:W.Tasks['Wachtwoord vergeten - setup na herstart']
    Test-That ($task -and $task.User -eq 'SYSTEM' -and $task.Trigger -eq 'AtStartup') 'a SYSTEM task at startup'
    Test-That ($task.Argument -match 'ProgramData\\Wachtwoord vergeten\\setup\\install\.ps1') 'the task runs the admin-owned copy of install.ps1'
    Test-That (-not $global:W.Items.Keys.Where({ $_ -like '*credential providers\{6d75ee9f*' }).Count) 'no tile registered before the restart'
    # The restart: the feature is on; the task runs install.ps1 (same bytes as the copy) with its arguments.
    $global:W.Features['Client-EmbeddedShellLauncher'] = 'Enabled'
    $copy = $global:W.Items['c:\programdata\wachtwoord vergeten\setup\install.ps1'].Bytes
    Test-That ([Convert]::ToBase64String($copy) -eq [Convert]::ToBase64String([IO.File]::ReadAllBytes([IO.Path]::Combine($ScriptsDir, 'install.ps1')))) 'the copy is install.ps1'
    $taskParams = @{}
    foreach ($m in [regex]::Matches(($task.Argument -replace '^.*?-File "[^"]*"', ''), '-(\w+)(?: "([^"]*)"| (?!-)(\S+))?')) {
        $taskParams[$m.Groups[1].Value] = $(if ($m.Groups[2].Success) { $m.Groups[2].Value } elseif ($m.Groups[3].Success) { $m.Groups[3].Value } else { $true })
    }
    $global:W.Actor = $System
    $r2 = Invoke-Kiosk 'install.ps1' $taskParams
    $global:W.Actor = $Admins
    Test-Equal 0 $r2.Exit "the task's run after the restart`n$($r2.Output)"
    Test-Installed
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall after a restarted install'
    Test-SameWorld $before (Get-WorldSnapshot) 'restart install + uninstall = the initial machine'
}

Case 'an existing account of that name is adopted, and gets its own flags back on uninstall' {
    Add-FakeUser 'kiosk' 'S-1-5-21-1-2-3-1050' $true
    $k = $global:W.Users['kiosk']; $k.FullName = 'Oude kiosk'; $k.Description = 'eigen'; $k.UserMayChangePassword = $true
    $global:W.UsersGroup.Add('S-1-5-21-1-2-3-1050') # already a member: Add-LocalGroupMember answers MemberExists
    $before = Get-WorldSnapshot
    $p = $CentralParams.Clone(); $p.AccountName = 'kiosk'
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-Equal 0 $r.Exit "install with -AccountName of an existing account`n$($r.Output)"
    Test-That ($k.Enabled -and $k.FullName -eq 'Kiosk-systeemaccount' -and $k.Password.Length -ge 32) 'adopted: enabled, neutral full name, new password'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall of an adopted account'
    Test-SameWorld $before (Get-WorldSnapshot) 'adopted account: flags, group and everything else as before (not its password)'
    Test-That ($k.Password -ne 'Initial-Password-1') '(its password stays the random one: documented)'
}

Case 'a settings folder a non-admin created first is taken over; a planted kiosk.json never survives' {
    $global:W.Actor = $Nurse
    Add-FakeItem 'C:\ProgramData\Wachtwoord vergeten' 'Dir' | Out-Null
    (Add-FakeItem 'C:\ProgramData\Wachtwoord vergeten\kiosk.json' 'File').Bytes = [Text.Encoding]::UTF8.GetBytes('{"mode":"central","centralUrl":"https://evil.example","caFile":"C:\\ProgramData\\Wachtwoord vergeten\\evil.pem"}')
    (Add-FakeItem 'C:\ProgramData\Wachtwoord vergeten\evil.pem' 'File').Bytes = [byte[]](1, 2)
    $global:W.Actor = $Admins
    # Without parameters the planted file is all there is: it is deleted, and the install fails closed.
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit "install relying on a planted kiosk.json`n$($r.Output)"
    Test-Closed 'planted kiosk.json'
    Test-That ($null -eq $global:W.Items['c:\programdata\wachtwoord vergeten\kiosk.json']) 'the planted kiosk.json is deleted'
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit "install with parameters over a planted folder`n$($r.Output)"
    Test-Installed
    Test-That ($null -eq $global:W.Items['c:\programdata\wachtwoord vergeten\evil.pem']) 'the planted CA is deleted'
    Test-That ((Get-FileText 'C:\ProgramData\Wachtwoord vergeten\kiosk.json') -match 'reset\.zorg\.example') 'kiosk.json is ours'
    foreach ($i in @($global:W.Items.Values | Where-Object { $_.Path -like 'C:\ProgramData\Wachtwoord vergeten*' })) {
        Test-Equal $Admins $i.Owner "owner of $($i.Path)"
        Test-That (-not @(Get-EffectiveAcl $i | Where-Object { $_.Sid -eq $Users -and $_.Rights -ne 'RX' }).Count) "no user write on $($i.Path)"
    }
}

Case 'settings: central is the default; local mode only when asked, with its risks printed' {
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit 'no settings at all: fails'
    Test-Closed 'no settings'
    Test-That ($r.Output -match 'give -CentralUrl and -CaFile') 'says what is missing'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; CentralUrl = 'http://plain.example'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 1 $r.Exit 'a plain http:// URL is refused'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; CentralUrl = 'https:'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 1 $r.Exit 'a URL cut by an unquoted installer option ("https:") is refused'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json' }
    Test-Equal 0 $r.Exit "local mode when asked`n$($r.Output)"
    Test-That ($r.Output -match 'LOCAL MODE: this PC will hold the AD service account') 'the local-mode risks are printed'
    Test-Installed -LocalMode
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit 'a local-mode kiosk.json without -LocalMode is refused'
    Test-Closed 'local mode without the switch'
}

Case 'the environment does not move the settings (known folder, not %ProgramData%)' {
    $env:ProgramData = 'C:\Evil'; $env:ALLUSERSPROFILE = 'C:\Evil'
    try { $r = Invoke-Kiosk 'install.ps1' $CentralParams } finally { $env:ProgramData = $null; $env:ALLUSERSPROFILE = $null }
    Test-Equal 0 $r.Exit 'install with a hostile environment'
    Test-That ($null -ne $global:W.Items['c:\programdata\wachtwoord vergeten\kiosk.json'] -and -not @($global:W.Items.Keys | Where-Object { $_ -like 'c:\evil*' }).Count) 'kiosk.json in C:\ProgramData, nothing under C:\Evil'
}

Case 'not elevated: refused, nothing changed' {
    $global:W.Elevated = $false
    $before = Get-WorldSnapshot
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 1 $r.Exit 'install without elevation'
    Test-SameWorld $before (Get-WorldSnapshot) 'nothing changed without elevation'
}

Case 'over a 0.1.0 install: LimitBlankPasswordUse put back, its blank-password account renamed and given a password' {
    $before = Get-WorldSnapshot
    Add-FakeUser 'Wachtwoord vergeten' 'S-1-5-21-1-2-3-1040' $true
    $old = $global:W.Users['wachtwoord vergeten']; $old.Password = ''; $old.PasswordRequired = $false; $old.FullName = 'Wachtwoord vergeten'
    $global:W.UsersGroup.Add('S-1-5-21-1-2-3-1040')
    New-FakeItem 'HKLM\SOFTWARE\Wachtwoord vergeten' 'Key'; New-FakeItem 'HKLM\SOFTWARE\Wachtwoord vergeten\Install' 'Key'
    foreach ($v in @(@('LimitBlankPasswordUsePrevious', -1, 'DWord'), @('AccountCreated', 1, 'DWord'), @('AccountSid', 'S-1-5-21-1-2-3-1040', 'String'), @('AccountName', 'Wachtwoord vergeten', 'String'))) {
        Set-FakeValue 'HKLM\SOFTWARE\Wachtwoord vergeten\Install' $v[0] $v[1] $v[2]
    }
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit "install over a 0.1.0 record`n$($r.Output)"
    Test-That (-not $global:W.Items['hklm\system\currentcontrolset\control\lsa'].Values.Contains('LimitBlankPasswordUse')) 'LimitBlankPasswordUse back to absent, as before 0.1.0'
    Test-That ($old.Name -match '^wwv-' -and $old.Sid -eq 'S-1-5-21-1-2-3-1040' -and $old.PasswordRequired -and $old.Password.Length -eq 40) 'the 0.1.0 account: same SID, random name, a password'
    Test-Installed -NoLimitBlankCheck
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall after the upgrade'
    $global:W.Items['hklm\system\currentcontrolset\control\lsa'].Values['LimitBlankPasswordUse'] = @{ Type = 'DWord'; Data = 1 }
    Test-SameWorld $before (Get-WorldSnapshot) 'upgrade + uninstall: no kiosk account, nothing of ours left'
}

Case 'Keyboard Filter (opt-in): Microsoft''s predefined key names, each read back; undone on uninstall' {
    $global:W.Features['Client-KeyboardFilter'] = 'Enabled'
    $before = Get-WorldSnapshot
    $p = $CentralParams.Clone(); $p.KeyboardFilter = $true
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-Equal 0 $r.Exit "install -KeyboardFilter`n$($r.Output)"
    foreach ($k in 'Shift+Ctrl+Esc', 'Alt+F4', 'Win+L', 'LShift+LAlt+PrintScrn') { Test-That $global:W.WekfKeys[$k] "key $k blocked" }
    Test-Equal 'true' $global:W.WekfSettings.DisableKeyboardFilterForAdministrators 'administrators unfiltered'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall -KeyboardFilter'
    Test-SameWorld $before (Get-WorldSnapshot) 'Keyboard Filter install + uninstall = the initial machine'
}

Case 'AppLocker rules from a GPO in effect: ours are added for the kiosk only, the enforcement mode is theirs' {
    $global:W.AppLockerGpo = '<AppLockerPolicy Version="1"><RuleCollection Type="Exe" EnforcementMode="AuditOnly"><FilePathRule Id="11111111-2222-3333-4444-555555555555" Name="gpo" Description="" UserOrGroupSid="S-1-1-0" Action="Allow"><Conditions><FilePathCondition Path="*" /></Conditions></FilePathRule></RuleCollection></AppLockerPolicy>'
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 0 $r.Exit 'install with a GPO AppLocker policy'
    $x = [xml]$global:W.AppLockerLocal
    Test-Equal 'NotConfigured' $x.SelectSingleNode("//RuleCollection[@Type='Exe']").EnforcementMode 'Exe mode left to the GPO'
    Test-That ($null -eq $x.SelectSingleNode("//RuleCollection[@Type='Exe']/FilePathRule[@UserOrGroupSid='S-1-1-0']")) 'no local allow-everyone next to a GPO'
    Test-Equal 'Enabled' $x.SelectSingleNode("//RuleCollection[@Type='Appx']").EnforcementMode 'Appx (no GPO rules) enforced'
}

if (-not $Only -or 'properties' -like "*$Only*") {
    Write-Host 'case: no blank password, and no password in any output, in all cases above'
    Test-That (-not $global:W.Violations.Count) "violations: $($global:W.Violations -join '; ')"
    $all = $script:Outputs -join "`n"
    Test-That ($all.Length -gt 1000) 'outputs were captured'
}
Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
