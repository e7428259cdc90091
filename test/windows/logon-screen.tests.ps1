# The logon screen on a ward PC, on the fake machine: only admin-writable code is registered, the kiosk account is
# hidden, LogonUI's last sign-in never stays on the kiosk, and the kiosk password changes after every kiosk sign-in
# (its failures: logon-rotation.tests.ps1).
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'cases.ps1'))
# A folder in Program Files that a nurse may write to, and one a nurse owns, each with a copy of the files.
function Add-UnsafeCopy([string] $Dir, [string] $Owner, [object[]] $Acl) {
    New-FakeItem $Dir 'Dir' $Owner
    $global:W.Items[$Dir.ToLowerInvariant()].Acl = $Acl
    foreach ($d in "$Dir\resources", "$Dir\resources\logon-tile") { New-FakeItem $d 'Dir' $System }
    foreach ($f in 'WachtwoordVergeten.exe', 'wachtwoord-vergeten-tile.dll', 'resources\logon-tile\wachtwoord-vergeten-tile.dll') {
        New-FakeItem "$Dir\$f" 'File' $System; $global:W.Items["$Dir\$f".ToLowerInvariant()].Bytes = [byte[]](77, 90)
    }
}

Case '-AppExe and -TileDll: only files under %ProgramFiles% that administrators alone can change; refused before anything changes' {
    New-FakeItem 'C:\Tools' 'Dir' $Admins
    $global:W.Items['c:\tools'].Acl = @(@{ Sid = 'S-1-5-11'; Rights = 'M'; Inherit = $true }) # Authenticated Users: modify (a documented manual re-run)
    Add-UnsafeCopy 'C:\Tools\WV' $Admins @()
    Add-UnsafeCopy 'C:\Program Files\Open' $System @(@{ Sid = $Users; Rights = 'W'; Inherit = $true })
    Add-UnsafeCopy 'C:\Program Files\Owned' $Nurse @()
    Add-UnsafeCopy 'C:\Program Files\Acl' $System @(@{ Sid = $Nurse; Rights = 'GA'; Inherit = $false })
    $before = Get-WorldSnapshot
    $cases = @(
        @{ AppExe = 'C:\Tools\WV\WachtwoordVergeten.exe'; Why = 'outside %ProgramFiles%' },
        @{ AppExe = $AppExePath; TileDll = 'C:\Tools\WV\wachtwoord-vergeten-tile.dll'; Why = 'tile outside %ProgramFiles%' },
        @{ AppExe = 'C:\Program Files\Open\WachtwoordVergeten.exe'; Why = 'Users may write the folder' },
        @{ AppExe = $AppExePath; TileDll = 'C:\Program Files\Open\wachtwoord-vergeten-tile.dll'; Why = 'tile: Users may write the folder' },
        @{ AppExe = 'C:\Program Files\Owned\WachtwoordVergeten.exe'; Why = 'a nurse owns the folder' },
        @{ AppExe = $AppExePath; TileDll = 'C:\Program Files\Acl\wachtwoord-vergeten-tile.dll'; Why = 'a nurse has GENERIC_ALL on the folder' },
        @{ AppExe = 'C:\Program Files\..\Tools\WV\WachtwoordVergeten.exe'; Why = 'a path that leaves %ProgramFiles% with ..' }
    )
    foreach ($c in $cases) {
        $p = @{ AppExe = $c.AppExe; CentralUrl = $CentralParams.CentralUrl; CaFile = $CentralParams.CaFile }
        if ($c.Contains('TileDll')) { $p.TileDll = $c.TileDll }
        $r = Invoke-Kiosk 'install.ps1' $p
        Test-Equal 1 $r.Exit "refused ($($c.Why))`n$($r.Output)"
        Test-That ($r.Output -match 'must be a file under C:\\Program Files|is not admin-only') "says why ($($c.Why))"
        Test-SameWorld $before (Get-WorldSnapshot) "nothing changed ($($c.Why))"
    }
    # Who owns %ProgramFiles% above the install folder counts too: a nurse-owned install folder's parent.
    $global:W.Items['c:\program files'].Owner = $Nurse
    $r = Invoke-Kiosk 'install.ps1' $CentralParams
    Test-Equal 1 $r.Exit 'refused: %ProgramFiles% itself owned by a nurse'
    $global:W.Items['c:\program files'].Owner = $System
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'the default install folder is accepted'
}

Case 'the kiosk account is hidden from the user list, neutrally named, and shown again (keys removed) on uninstall' {
    $before = Get-WorldSnapshot
    $u = Install-Kiosk
    Test-Installed
    Test-That ($u.FullName -notmatch 'Wachtwoord') 'the full name has nothing of the tile in it'
    $tile = $global:W.Items['hklm\software\wachtwoord vergeten']
    Test-That ($tile.Values['KioskSid'].Data -eq $u.Sid -and $tile.Values['ShellMode'].Data -eq 'ShellLauncher') 'the tile knows the kiosk SID and the shell mode'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall'
    Test-That ($null -eq $global:W.Items['hklm\software\microsoft\windows nt\currentversion\winlogon\specialaccounts']) 'SpecialAccounts (created by the install) is gone'
    Test-SameWorld $before (Get-WorldSnapshot) 'install + uninstall = the initial machine'
    # An administrator's own UserList (with a value for another account) stays, with its value.
    New-World
    New-FakeItem 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts' 'Key' $System
    New-FakeItem 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList' 'Key' $System
    Set-FakeValue 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList' 'beheer' 0 'DWord'
    $before = Get-WorldSnapshot
    Install-Kiosk | Out-Null
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall with an existing UserList'
    Test-SameWorld $before (Get-WorldSnapshot) 'an existing UserList keeps its key and its value'
}

Case 'after a kiosk sign-in the logon task puts the nurse back as the last sign-in and rotates the password' {
    $u = Install-Kiosk
    $copy = $global:W.Items['c:\programdata\wachtwoord vergeten\setup\kiosk-task.ps1']
    Test-That ($copy -and [Convert]::ToBase64String($copy.Bytes) -eq [Convert]::ToBase64String([IO.File]::ReadAllBytes([IO.Path]::Combine($ScriptsDir, 'kiosk-task.ps1')))) 'the task script is in the admin-owned setup copy'
    Set-NurseSignedIn
    $nurseRecord = Get-FakeLastLoggedOn
    $pw0 = $u.Password
    $r = Invoke-FakeTask $LogonTask
    Test-Equal 0 $r.Exit "task after a nurse's sign-in`n$($r.Output)"
    Test-That ($u.Password -ceq $pw0) 'a nurse''s sign-in does not rotate the kiosk password'
    Set-KioskSignedIn
    Test-That ((Get-FakeLastLoggedOn) -match 'wwv-') '(LogonUI now names the kiosk)'
    $r = Invoke-FakeTask $LogonTask
    Test-Equal 0 $r.Exit "task after a kiosk sign-in`n$($r.Output)"
    Test-Equal $nurseRecord (Get-FakeLastLoggedOn) 'LogonUI preselects the nurse again (provider, user, SID), not the kiosk'
    Test-That ($u.Password -cne $pw0) 'a password read from the LSA secret before the kiosk session no longer works'
    Test-InStep $u 'after the rotation'
    $pw1 = $u.Password
    Set-KioskSignedIn
    Invoke-FakeTask $LogonTask | Out-Null
    Test-That ($u.Password -cne $pw1) 'every kiosk sign-in rotates again'
    Test-InStep $u 'second rotation'
    Test-That $u.Enabled 'the kiosk stays usable'
    # At boot after a kiosk session with no normal sign-in kept: the kiosk's values go (LogonUI's default).
    New-World
    Install-Kiosk | Out-Null
    Set-KioskSignedIn
    Test-Equal 0 (Invoke-FakeTask $LogonTask).Exit 'task at startup'
    Test-Equal '' (Get-FakeLastLoggedOn) 'no normal sign-in kept: the kiosk record is removed'
    # Uninstall while LogonUI still names the kiosk: cleared too.
    Set-NurseSignedIn; Invoke-FakeTask $LogonTask | Out-Null; Set-KioskSignedIn
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall after a kiosk session'
    Test-Equal $nurseRecord (Get-FakeLastLoggedOn) 'uninstall leaves the nurse as the last sign-in'
}

Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
