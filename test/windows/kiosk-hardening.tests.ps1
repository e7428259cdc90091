# Issue 23 on the fake machine, what holds later: AppLocker under GPO and MDM, an uninstall that finishes (loaded
# hive, locked tile DLL, LastLoggedOn*, Group Policy state) and drift seen by the SYSTEM task and check.ps1.
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'cases.ps1'))
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'kiosk-files.ps1'))

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
        Test-SameWorld $before (Get-WorldSnapshot) "$how`: nothing changed"
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
