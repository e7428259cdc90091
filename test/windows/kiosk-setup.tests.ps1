# Issue 23 on the fake machine: settings nobody else wrote (and kept byte for byte under Windows PowerShell 5.1's
# encodings), local mode's AD password across repair/update/rotation, no Run keys, AppLocker under GPO and MDM,
# an uninstall that finishes (loaded hive, locked DLL, LastLoggedOn*, GP state) and drift seen by the SYSTEM task.
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'harness.ps1'))
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'expect.ps1'))
. ([IO.Path]::Combine($ScriptsDir, 'registry-pol.ps1'))
function Case([string] $Name, [scriptblock] $Body) {
    if ($Only -and $Name -notlike "*$Only*") { return }
    Write-Host "case: $Name"
    New-World
    & $Body
}
$Dir = 'C:\ProgramData\Wachtwoord vergeten'
$Utf8 = New-Object Text.UTF8Encoding $false
function Add-AdminFile([string] $Path, [string] $Text) { (Add-FakeItem $Path 'File').Bytes = $Utf8.GetBytes($Text) }
function Get-Json { return (Get-FileText "$Dir\kiosk.json") | ConvertFrom-Json }
$AdminJson = '{"mode":"central","centralUrl":"https://reset.gelre.example","kioskId":"afdeling-3","servicedesk":"088 123 4567","idleSeconds":120,"language":"nl","branding":{"title":"Wachtwoord vergeten – Gelre ziekenhuizen","colour":"#0b5cab"}}'

Case 'a folder a user created first (inheritable Users:Modify, admin-dropped files): moved aside, nothing read, Ready 0' {
    $global:W.Actor = $Nurse
    Add-FakeItem $Dir 'Dir' | Out-Null
    $global:W.Items[$Dir.ToLowerInvariant()].Acl = @(@{ Sid = $Users; Rights = 'M'; Inherit = $true })
    $global:W.Actor = $Admins # then an administrator or a GPO drops the files: admin-owned, but they inherit Users:Modify
    Add-AdminFile "$Dir\kiosk.json" '{"mode":"central","centralUrl":"https://evil.example","caFile":"C:\\ProgramData\\Wachtwoord vergeten\\ca.pem"}'
    Add-AdminFile "$Dir\ca.pem" 'EVIL CA'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit "install without options over a prepared folder`n$($r.Output)"
    Test-Closed 'prepared folder, no options'
    Test-That ($r.Output -match 'was not created by this installer' -and $r.Output -match 'no kiosk settings') 'says the folder was moved aside and what to give'
    $aside = @($global:W.Items.Values | Where-Object { $_.Kind -eq 'Dir' -and $_.Path -match '^C:\\ProgramData\\Wachtwoord vergeten\.vooraf-\d{8}-\d{6}$' })
    Test-Equal 1 $aside.Count 'the prepared folder is moved aside with a timestamp'
    if ($aside.Count) {
        Test-That ($aside[0].Owner -eq $Admins -and $aside[0].Protected -and -not @($aside[0].Acl | Where-Object { $_.Sid -notin @($Admins, $System) }).Count) 'the moved folder is locked (SYSTEM and Administrators only)'
        Test-That ($null -ne $global:W.Items[($aside[0].Path + '\kiosk.json').ToLowerInvariant()]) 'its files are kept there, for the administrator to inspect'
    }
    Test-That ($null -eq $global:W.Items["$Dir\kiosk.json".ToLowerInvariant()]) 'no kiosk.json was read or kept in the new folder'
    $new = $global:W.Items[$Dir.ToLowerInvariant()]
    Test-That ($new -and $new.Owner -eq $Admins -and $new.Protected -and -not @($new.Acl | Where-Object { $_.Sid -eq $Users }).Count) 'the new folder: admin-owned, own ACL, no Users entry'
    # The administrator's kiosk.json, named by a parameter: Ready 1 with exactly its settings.
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 0 $r.Exit "install with -KioskConfig -CaFile`n$($r.Output)"
    Test-Installed
    $j = Get-Json
    Test-That ($j.centralUrl -eq 'https://reset.gelre.example' -and $j.kioskId -eq 'afdeling-3' -and $j.caFile -eq "$Dir\ca.pem") "kiosk.json is the administrator's, with our CA ($($j.centralUrl))"
    Test-That ((Get-FileText "$Dir\ca.pem") -match 'BEGIN CERTIFICATE') 'ca.pem is the administrator''s CA, not the planted one'
}

Case 'a folder this installer created but someone changed since is moved aside too' {
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $global:W.Items[$Dir.ToLowerInvariant()].Acl += @{ Sid = $Users; Rights = 'M'; Inherit = $true }
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit "re-run without options after the ACL was opened`n$($r.Output)"
    Test-Closed 'opened ACL'
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'with parameters again: fine'
    Test-Installed
}

Case 'a non-ASCII kiosk.json is unchanged after 5 runs without options (Windows PowerShell 5.1 encodings)' {
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }).Exit 'install'
    $first = [Convert]::ToBase64String($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes)
    Test-Equal 'Wachtwoord vergeten – Gelre ziekenhuizen' (Get-Json).branding.title 'the title as the administrator wrote it'
    Test-That ($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes[0] -eq [byte][char]'{') 'UTF-8 without a BOM (JSON.parse refuses one)'
    for ($n = 1; $n -le 5; $n++) {
        $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath } # as the post-restart task and an Intune repair run it
        Test-Equal 0 $r.Exit "run $n without options`n$($r.Output)"
        Test-That ($first -eq [Convert]::ToBase64String($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes)) "kiosk.json byte for byte after run $n (title now: $((Get-Json).branding.title))"
    }
    Test-Equal 'Wachtwoord vergeten – Gelre ziekenhuizen' (Get-Json).branding.title 'the title after 5 runs'
    # The model itself: 5.1 reads BOM-less UTF-8 as ANSI without -Encoding, and -Encoding UTF8 writes a BOM.
    Add-AdminFile 'C:\Users\admin\t.txt' 'a – b'
    Test-Equal 'a â€“ b' (Get-Content -LiteralPath 'C:\Users\admin\t.txt' -Raw) 'model: Get-Content without -Encoding reads ANSI'
    Set-Content -LiteralPath 'C:\Users\admin\u.txt' -Value 'x' -Encoding UTF8
    Test-Equal 'EF-BB-BF-78-0D-0A' ([BitConverter]::ToString($global:W.Items['c:\users\admin\u.txt'].Bytes)) 'model: Set-Content -Encoding UTF8 writes a BOM'
}

Case 'a re-run with -CentralUrl changes only its own keys' {
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }).Exit 'install'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; CentralUrl = 'https://nieuw.gelre.example'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 0 $r.Exit "re-run with -CentralUrl`n$($r.Output)"
    $j = Get-Json
    Test-Equal 'https://nieuw.gelre.example' $j.centralUrl 'centralUrl changed'
    Test-That ($j.kioskId -eq 'afdeling-3' -and $j.servicedesk -eq '088 123 4567' -and $j.idleSeconds -eq 120 -and $j.language -eq 'nl' -and $j.branding.colour -eq '#0b5cab') 'kioskId, servicedesk, idle time, language, branding kept'
}

Case 'local mode: the AD password survives install, repair, update and password rotation' {
    Add-AdminFile 'C:\Users\admin\ad.txt' "Svc-Geheim-€-42`r`n"
    $p = @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json'; DirectoryPasswordFile = 'C:\Users\admin\ad.txt' }
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-Equal 0 $r.Exit "install, local mode`n$($r.Output)"
    $bin = "$Dir\directory-password.bin".ToLowerInvariant()
    $readAsKiosk = {
        param($when)
        $sid = $global:W.Users[(Get-ProductValue 'KioskAccount')].Sid
        $f = $global:W.Items[$bin]
        if (-not $f) { Test-That $false "${when}: directory-password.bin missing"; return }
        $acl = @(Get-EffectiveAcl $f)
        Test-That (@($acl | Where-Object { $_.Sid -eq $sid -and $_.Rights -in 'R', 'RX' }).Count -eq 1) "${when}: the kiosk account may read it"
        Test-That (-not @($acl | Where-Object { $_.Sid -notin @($sid, $System, $Admins) }).Count -and $f.Protected) "${when}: nobody else ($(@($acl | ForEach-Object { $_.Sid }) -join ','))"
        Test-Equal 'Svc-Geheim-€-42' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$f.Bytes))) "${when}: machine-scope DPAPI gives the password back"
        foreach ($i in $global:W.Items.Values) { if ($i.Path -ne 'C:\Users\admin\ad.txt') { Test-That (-not ([Text.Encoding]::UTF8.GetString([byte[]]$i.Bytes)).Contains('Svc-Geheim')) "${when}: the AD password in plain text in $($i.Path)" } }
    }
    & $readAsKiosk 'install'
    $p.Remove('DirectoryPasswordFile')
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit 'repair (new kiosk password)'
    & $readAsKiosk 'repair'
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit 'update (the new version''s install.ps1, same options)'
    & $readAsKiosk 'update'
    # The tile's rotation at logoff: a SYSTEM task sets a new password on the account and in the LSA secret.
    $u = $global:W.Users[(Get-ProductValue 'KioskAccount')]
    $u.Password = 'Rotated-' + [guid]::NewGuid().ToString('N'); [WachtwoordVergeten.Lsa]::Secrets['L$WachtwoordVergetenKiosk'] = $u.Password
    & $readAsKiosk 'rotation'
    # directory-password.txt put into this product's own folder: consumed, overwritten and deleted.
    Add-AdminFile "$Dir\directory-password.txt" 'Nieuw-Svc-Wachtwoord'
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit 'install with a new directory-password.txt'
    Test-That ($null -eq $global:W.Items["$Dir\directory-password.txt".ToLowerInvariant()]) 'directory-password.txt consumed'
    Test-Equal 'Nieuw-Svc-Wachtwoord' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$global:W.Items[$bin].Bytes))) 'the new password protected'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall'
    Test-That ($null -eq $global:W.Items[$bin]) 'uninstall removes directory-password.bin'
}

Case 'AppLocker: no Allow Everyone *, default rules for everyone else, kiosk denies in Exe, Script and Msi' {
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $x = [xml]$global:W.AppLockerLocal
    $sid = $global:W.Users[(Get-ProductValue 'KioskAccount')].Sid
    Test-That ($null -eq $x.SelectSingleNode("//FilePathRule[@Action='Allow' and @UserOrGroupSid='S-1-1-0']/Conditions/FilePathCondition[@Path='*']")) 'no Allow Everyone: * anywhere'
    foreach ($p in '%PROGRAMFILES%\*', '%WINDIR%\*') { Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='Exe']/FilePathRule[@Action='Allow' and @UserOrGroupSid='S-1-1-0']/Conditions/FilePathCondition[@Path='$p']")) "default Exe rule Everyone: $p" }
    Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='Exe']/FilePathRule[@Action='Allow' and @UserOrGroupSid='S-1-5-32-544']/Conditions/FilePathCondition[@Path='*']")) 'default Exe rule Administrators: *'
    foreach ($p in '%SYSTEM32%\SyncAppvPublishingServer.exe', '%SYSTEM32%\OpenSSH\*', '%SYSTEM32%\curl.exe', '%SYSTEM32%\forfiles.exe', '%SYSTEM32%\pcalua.exe', '%SYSTEM32%\mstsc.exe', '%SYSTEM32%\msra.exe') {
        Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='Exe']/FilePathRule[@Action='Deny' and @UserOrGroupSid='$sid']/Conditions/FilePathCondition[@Path='$p']")) "kiosk denied $p"
    }
    foreach ($t in 'Script', 'Msi') {
        $c = $x.SelectSingleNode("//RuleCollection[@Type='$t']")
        Test-That ($c -and $c.EnforcementMode -eq 'Enabled') "$t rules enforced"
        Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='$t']/FilePathRule[@Action='Deny' and @UserOrGroupSid='$sid']/Conditions/FilePathCondition[@Path='*']")) "${t}: everything denied to the kiosk"
        Test-That ($null -ne $x.SelectSingleNode("//RuleCollection[@Type='$t']/FilePathRule[@Action='Allow' and @UserOrGroupSid='S-1-5-32-544']")) "${t}: default rule for Administrators"
    }
    $pol = @(ConvertFrom-RegistryPol ([byte[]]$global:W.Items["C:\Windows\System32\GroupPolicyUsers\$sid\User\Registry.pol".ToLowerInvariant()].Bytes))
    foreach ($p in 'SyncAppvPublishingServer.exe', 'ssh.exe', 'curl.exe', 'forfiles.exe', 'pcalua.exe', 'mstsc.exe', 'msra.exe') { Test-That (@($pol | Where-Object { $_.Key -like '*\DisallowRun' -and $_.Value -eq $p }).Count -eq 1) "DisallowRun $p" }
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall'
    Test-Equal '<AppLockerPolicy Version="1" />' ($global:W.AppLockerLocal -replace '<(\w+)([^>]*)></\1>', '<$1$2 />') 'uninstall leaves no rule and no collection'
}

Case 'AppLocker from MDM (CSP registry or MDM bridge): refused before anything changes, and it says why' {
    foreach ($how in 'registry', 'bridge') {
        New-World
        if ($how -eq 'registry') { foreach ($k in 'HKLM\SOFTWARE\Microsoft\PolicyManager', 'HKLM\SOFTWARE\Microsoft\PolicyManager\current', 'HKLM\SOFTWARE\Microsoft\PolicyManager\current\device', 'HKLM\SOFTWARE\Microsoft\PolicyManager\current\device\AppLocker') { New-FakeItem $k 'Key' $System } }
        else { $global:W.MdmAppLocker = @{ MDM_AppLocker_ApplicationLaunchRestrictions01_EXE03 = @(@{ InstanceID = 'EXE'; Policy = '<RuleCollection Type="Exe" EnforcementMode="Enabled" />' }) } }
        $before = Get-WorldSnapshot
        $r = Invoke-Kiosk 'install.ps1' $CentralParams
        Test-Equal 1 $r.Exit "$how`: install refused`n$($r.Output)"
        Test-That ($r.Output -match 'AppLocker is managed by MDM' -and $r.Output -match '-NoAppLocker') "$how`: says why and what to do"
        Test-Equal '<AppLockerPolicy Version="1" />' $global:W.AppLockerLocal "$how`: local AppLocker policy untouched"
        Test-That (-not @($global:W.Users.Values | Where-Object { $_.Name -like 'wwv-*' }).Count) "$how`: no account created"
        $p = $CentralParams.Clone(); $p.NoAppLocker = $true
        Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit "$how`: with -NoAppLocker it installs"
    }
}

Case 'uninstall waits for the kiosk session and its hive, and stops with a clear message when they stay' {
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $u = $global:W.Users[(Get-ProductValue 'KioskAccount')]
    $global:W.Profiles = @(@{ SID = $u.Sid; LocalPath = "C:\Users\$($u.Name)"; UnloadPolls = 4 })
    $global:W.Sessions = @(@{ SessionId = 2; UserName = "PC01\$($u.Name)" })
    $r = Invoke-Kiosk 'uninstall.ps1'
    Test-Equal 0 $r.Exit "uninstall with a signed-in kiosk whose hive unloads a little later`n$($r.Output)"
    Test-That ($r.Output -match 'waiting for the kiosk session') 'it says it waits'
    Test-That (-not $global:W.Profiles.Count -and -not $global:W.Users.Contains($u.Name.ToLowerInvariant())) 'profile and account removed after the hive unloaded'
    # A session that does not end (logoff fails): bounded wait, clear message, account stays disabled.
    New-World
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $u = $global:W.Users[(Get-ProductValue 'KioskAccount')]
    $global:W.Profiles = @(@{ SID = $u.Sid; LocalPath = "C:\Users\$($u.Name)"; UnloadPolls = 1000 })
    $r = Invoke-Kiosk 'uninstall.ps1'
    Test-Equal 1 $r.Exit 'uninstall with a hive that stays loaded'
    Test-That ($r.Output -match 'still in use after 120 s' -and $r.Output -match 'setup\\uninstall\.ps1') "the message says what to do`n$($r.Output)"
    Test-That (-not $u.Enabled) 'the kiosk account stays disabled'
}

Case 'uninstall: a tile DLL LogonUI holds is deleted at restart (3010); LastLoggedOn* and Group Policy state of the SID cleaned' {
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $u = $global:W.Users[(Get-ProductValue 'KioskAccount')]
    $dll = "$AppDir\resources\logon-tile\wachtwoord-vergeten-tile.dll"
    $global:W.LockedFiles = @($dll)
    $lu = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI'
    New-FakeItem $lu 'Key' $System; New-FakeItem "$lu\SessionData" 'Key' $System; New-FakeItem "$lu\SessionData\1" 'Key' $System; New-FakeItem "$lu\SessionData\2" 'Key' $System
    foreach ($v in @(@('LastLoggedOnUser', ".\$($u.Name)"), @('LastLoggedOnSAMUser', "PC01\$($u.Name)"), @('LastLoggedOnUserSID', $u.Sid), @('LastLoggedOnDisplayName', 'Wachtwoord vergeten'), @('SelectedUserSID', $u.Sid))) { Set-FakeValue $lu $v[0] $v[1] 'String' }
    foreach ($v in @(@('LoggedOnSAMUser', "PC01\$($u.Name)"), @('LoggedOnUserSID', $u.Sid), @('LoggedOnDisplayName', 'Wachtwoord vergeten'))) { Set-FakeValue "$lu\SessionData\1" $v[0] $v[1] 'String' }
    foreach ($v in @(@('LoggedOnSAMUser', 'ZORG\jdevries'), @('LoggedOnUserSID', 'S-1-5-21-7-7-7-1234'), @('LoggedOnDisplayName', 'J. de Vries'))) { Set-FakeValue "$lu\SessionData\2" $v[0] $v[1] 'String' }
    $gp = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy'
    foreach ($k in $gp, "$gp\State", "$gp\State\$($u.Sid)", "$gp\DataStore", "$gp\DataStore\$($u.Sid)", "$gp\$($u.Sid)", "$gp\State\S-1-5-21-7-7-7-1234") { New-FakeItem $k 'Key' $System }
    $r = Invoke-Kiosk 'uninstall.ps1' @{ RemoveTileDll = $true }
    Test-Equal 3010 $r.Exit "uninstall with the tile DLL in use`n$($r.Output)"
    Test-That (@($global:W.PendingDeletes) -contains $dll) 'the DLL is queued for deletion at restart (MoveFileEx)'
    Test-That ($r.Output -match 'RESTART REQUIRED') 'it says a restart is needed'
    Test-That (-not $global:W.Users.Contains($u.Name.ToLowerInvariant())) 'the account is gone'
    Test-That ($global:W.Items[$lu.ToLowerInvariant()].Values.Count -eq 0) "LastLoggedOn* and SelectedUserSID cleaned ($(@($global:W.Items[$lu.ToLowerInvariant()].Values.Keys) -join ','))"
    Test-That ($global:W.Items["$lu\SessionData\1".ToLowerInvariant()].Values.Count -eq 0) 'the kiosk session''s SessionData cleaned'
    Test-Equal 3 $global:W.Items["$lu\SessionData\2".ToLowerInvariant()].Values.Count 'a nurse''s SessionData untouched'
    foreach ($k in "$gp\State\$($u.Sid)", "$gp\DataStore\$($u.Sid)", "$gp\$($u.Sid)") { Test-That ($null -eq $global:W.Items[$k.ToLowerInvariant()]) "Group Policy state removed: $k" }
    Test-That ($null -ne $global:W.Items["$gp\State\S-1-5-21-7-7-7-1234".ToLowerInvariant()]) 'another user''s Group Policy state stays'
    # Installing again before the restart would lose the new DLL at the restart: refused.
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-That ($r.Exit -eq 1 -and $r.Output -match 'restart the PC first') "install before the restart is refused`n$($r.Output)"
    Test-Closed 'install before the restart'
    # The restart: Windows deletes the DLL and empties the queue; the installer copies a new DLL.
    $global:W.Items['hklm\system\currentcontrolset\control\session manager'].Values.Remove('PendingFileRenameOperations')
    $global:W.LockedFiles = @()
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install after the restart'
    # Not locked: deleted right away, exit 0.
    New-World
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1' @{ RemoveTileDll = $true }).Exit 'uninstall, DLL not in use'
    Test-That ($null -eq $global:W.Items[$dll.ToLowerInvariant()]) 'the DLL is deleted at once'
}

Case 'drift: the SYSTEM task sets Ready = 0 and writes event 101 on each drift; check.ps1 prints the same' {
    $drifts = [ordered]@{
        'deny network right removed' = { param($sid) [void][WachtwoordVergeten.Lsa]::RemoveAccountRight($sid, 'SeDenyNetworkLogonRight') }
        'deny RDP right removed' = { param($sid) [void][WachtwoordVergeten.Lsa]::RemoveAccountRight($sid, 'SeDenyRemoteInteractiveLogonRight') }
        'Allow log on locally without Users' = { param($sid) [void][WachtwoordVergeten.Lsa]::RemoveAccountRight('S-1-5-32-545', 'SeInteractiveLogonRight') }
        'Deny log on locally for Users' = { param($sid) [void][WachtwoordVergeten.Lsa]::AddAccountRight('S-1-5-32-545', 'SeDenyInteractiveLogonRight') }
        'AppIDSvc manual' = { param($sid) $global:W.AppIdSvc.StartMode = 'Manual' }
        'shell removed' = { param($sid) $global:W.Wesl.Shells.Remove($sid) }
        'local GPO processing off' = { param($sid) New-FakeItem 'HKLM\SOFTWARE\Policies' 'Key' $System; New-FakeItem 'HKLM\SOFTWARE\Policies\Microsoft' 'Key' $System; New-FakeItem 'HKLM\SOFTWARE\Policies\Microsoft\Windows' 'Key' $System; New-FakeItem 'HKLM\SOFTWARE\Policies\Microsoft\Windows\System' 'Key' $System; Set-FakeValue 'HKLM\SOFTWARE\Policies\Microsoft\Windows\System' 'DisableLGPOProcessing' 1 'DWord' }
    }
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $clean = Save-World
    $global:W.Actor = $System
    $r = Invoke-Kiosk 'check.ps1' @{ Task = $true }
    Test-Equal 0 $r.Exit "no drift: exit 0`n$($r.Output)"
    Test-That ((Get-ProductValue 'Ready') -eq 1 -and -not @($global:W.Events | Where-Object { $_ }).Count) 'no drift: Ready stays 1, no event'
    foreach ($name in $drifts.Keys) {
        Restore-World $clean
        & $drifts[$name] $global:W.Users[(Get-ProductValue 'KioskAccount')].Sid
        $c = Invoke-Kiosk 'check.ps1'
        Test-That ($c.Exit -eq 1 -and $c.Output -match 'AFWIJKING' -and (Get-ProductValue 'Ready') -eq 1) "$name`: check.ps1 prints it and changes nothing ($($c.Exit))"
        $r = Invoke-Kiosk 'check.ps1' @{ Task = $true }
        Test-Equal 1 $r.Exit "$name`: the task's exit code`n$($r.Output)"
        Test-Equal 0 (Get-ProductValue 'Ready') "$name`: Ready = 0"
        $ev = @($global:W.Events | Where-Object { $_ -and $_.Id -eq 101 -and $_.Source -eq 'Wachtwoord vergeten' -and $_.Type -eq 'ERROR' -and $_.Log -eq 'APPLICATION' })
        Test-Equal 1 $ev.Count "$name`: one Error event 101 in the Application log"
        # What install.ps1 sets again, a repair fixes; what only a domain GPO sets, a repair refuses (its read-back).
        $fixable = $name -notmatch 'log on locally|GPO processing'
        $rep = Invoke-Kiosk 'install.ps1' $CentralParams
        Test-Equal $(if ($fixable) { 0 } else { 1 }) $rep.Exit "$name`: a repair install $(if ($fixable) { 'fixes it' } else { 'refuses until the GPO is fixed' })`n$($rep.Output)"
        Test-Equal $(if ($fixable) { 1 } else { 0 }) (Get-ProductValue 'Ready') "$name`: Ready after the repair"
    }
}

if (-not $Only -or 'properties' -like "*$Only*") { Test-That (-not $global:W.Violations.Count) "violations: $($global:W.Violations -join '; ')" }
Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
