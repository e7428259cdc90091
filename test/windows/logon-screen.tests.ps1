# The logon screen on a ward PC, on the fake machine: only admin-writable code is registered, the kiosk account is
# hidden, LogonUI's last sign-in never stays on the kiosk, and the kiosk password changes after every kiosk sign-in
# (account first, then the LSA secret; a failure in between is retried, and never leaves the two apart while the
# kiosk can be used).
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'harness.ps1'))
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'expect.ps1'))
. ([IO.Path]::Combine($ScriptsDir, 'registry-pol.ps1'))
$Task = 'Wachtwoord vergeten - na aanmelden'
$Secret = 'L$WachtwoordVergetenKiosk'
function Case([string] $Name, [scriptblock] $Body) {
    if ($Only -and $Name -notlike "*$Only*") { return }
    Write-Host "case: $Name"
    New-World
    & $Body
}
function Install-Kiosk([hashtable] $Params = $CentralParams) {
    $r = Invoke-Kiosk 'install.ps1' $Params
    Test-Equal 0 $r.Exit "install`n$($r.Output)"
    return $global:W.Users[(Get-ProductValue 'KioskAccount').ToLowerInvariant()]
}
function Test-InStep($U, [string] $What) {
    Test-That ($U.Password.Length -eq 40 -and [WachtwoordVergeten.Lsa]::Secrets[$Secret] -ceq $U.Password) "$What`: the account and the LSA secret hold the same new password"
}
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
    $r = Invoke-FakeTask $Task
    Test-Equal 0 $r.Exit "task after a nurse's sign-in`n$($r.Output)"
    Test-That ($u.Password -ceq $pw0) 'a nurse''s sign-in does not rotate the kiosk password'
    Set-KioskSignedIn
    Test-That ((Get-FakeLastLoggedOn) -match 'wwv-') '(LogonUI now names the kiosk)'
    $r = Invoke-FakeTask $Task
    Test-Equal 0 $r.Exit "task after a kiosk sign-in`n$($r.Output)"
    Test-Equal $nurseRecord (Get-FakeLastLoggedOn) 'LogonUI preselects the nurse again (provider, user, SID), not the kiosk'
    Test-That ($u.Password -cne $pw0) 'a password read from the LSA secret before the kiosk session no longer works'
    Test-InStep $u 'after the rotation'
    $pw1 = $u.Password
    Set-KioskSignedIn
    Invoke-FakeTask $Task | Out-Null
    Test-That ($u.Password -cne $pw1) 'every kiosk sign-in rotates again'
    Test-InStep $u 'second rotation'
    Test-That $u.Enabled 'the kiosk stays usable'
    # At boot after a kiosk session with no normal sign-in kept: the kiosk's values go (LogonUI's default).
    New-World
    Install-Kiosk | Out-Null
    Set-KioskSignedIn
    Test-Equal 0 (Invoke-FakeTask $Task).Exit 'task at startup'
    Test-Equal '' (Get-FakeLastLoggedOn) 'no normal sign-in kept: the kiosk record is removed'
    # Uninstall while LogonUI still names the kiosk: cleared too.
    Set-NurseSignedIn; Invoke-FakeTask $Task | Out-Null; Set-KioskSignedIn
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall after a kiosk session'
    Test-Equal $nurseRecord (Get-FakeLastLoggedOn) 'uninstall leaves the nurse as the last sign-in'
}

Case 'rotation: a failure between account and secret is retried; if the secret cannot be stored the account is disabled, then enabled again (Ready left alone)' {
    $u = Install-Kiosk
    Set-KioskSignedIn
    $ref = Invoke-FakeTask $Task
    $store = @($global:W.Log | Where-Object { $_ -match 'LsaStorePrivateData L\$' } | ForEach-Object { [int]($_ -replace '^(\d+).*', '$1') })
    $set = @($global:W.Log | Where-Object { $_ -match 'Set-LocalUser' } | ForEach-Object { [int]($_ -replace '^(\d+).*', '$1') })
    Test-That ($ref.Exit -eq 0 -and $set.Count -eq 1 -and $store.Count -eq 1 -and $set[0] -lt $store[0]) 'the account first, then the LSA secret'
    foreach ($at in @($set[0], $store[0])) {
        New-World; $u = Install-Kiosk; Set-KioskSignedIn
        $r = Invoke-FakeTask $Task -FailAt $at
        Test-Equal 0 $r.Exit "one failure at call $at ($($r.Failed.Name)) is retried`n$($r.Output)"
        Test-InStep $u "after a retried failure at call $at"
        Test-That ($u.Enabled -and (Get-ProductValue 'Ready') -eq 1) 'the kiosk stays usable'
    }
    # The secret cannot be stored at all: the two are apart, so the kiosk is locked until a run succeeds.
    New-World; $u = Install-Kiosk; Set-KioskSignedIn
    $hook = [WachtwoordVergeten.Lsa]::Hook
    [WachtwoordVergeten.Lsa]::Hook = [Func[string, bool]] { param($what) if ($what -like 'LsaStorePrivateData L$*') { return $true }; Enter-Fake 'lsa' $what }
    try { $r = Invoke-FakeTask $Task } finally { [WachtwoordVergeten.Lsa]::Hook = $hook }
    Test-Equal 1 $r.Exit 'the task fails'
    Test-That (-not $u.Enabled) 'secret cannot be stored: the kiosk account is disabled (the tile says "staat uit")'
    $global:W.Items['hklm\software\wachtwoord vergeten'].Values['Ready'] = @{ Type = 'DWord'; Data = 0 } # meanwhile the drift task found drift
    Test-That ([WachtwoordVergeten.Lsa]::Secrets[$Secret] -cne $u.Password) '(account and secret are apart)'
    $r = Invoke-FakeTask $Task # next sign-in or startup: LogonUI no longer names the kiosk, the pending rotation is finished
    Test-Equal 0 $r.Exit "the next run finishes the rotation`n$($r.Output)"
    Test-InStep $u 'after the pending rotation'
    Test-That $u.Enabled 'the kiosk account is enabled again'
    Test-Equal 0 (Get-ProductValue 'Ready') 'a Ready = 0 of the drift task is not undone by the logon task'
    # A power cut between the two: 'RotationPending' makes the next run (at startup) rotate.
    New-World; $u = Install-Kiosk; Set-KioskSignedIn
    $r = Invoke-FakeTask $Task -FailAt $store[0]
    Set-FakeValue 'HKLM\SOFTWARE\Wachtwoord vergeten\Install' 'RotationPending' 1 'DWord'
    $u.Password = 'cut-after-the-account'
    Invoke-FakeTask $Task | Out-Null
    Test-InStep $u 'a pending rotation is finished by the next run'
}

Case 'local mode rotates too: the AD password (machine-scope DPAPI) is untouched, the last sign-in is put back' {
    (Add-FakeItem 'C:\Users\admin\ad.txt' 'File').Bytes = [Text.Encoding]::UTF8.GetBytes("Svc-Geheim-42`r`n")
    $u = Install-Kiosk @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json'; DirectoryPasswordFile = 'C:\Users\admin\ad.txt' }
    $bin = $global:W.Items['c:\programdata\wachtwoord vergeten\directory-password.bin']
    $before = [Convert]::ToBase64String([byte[]]$bin.Bytes)
    Set-NurseSignedIn; Invoke-FakeTask $Task | Out-Null
    $pw = $u.Password
    Set-KioskSignedIn
    Test-Equal 0 (Invoke-FakeTask $Task).Exit 'task in local mode'
    Test-That ($u.Password -cne $pw) 'local mode: the kiosk password is rotated'
    Test-InStep $u 'local mode'
    Test-Equal $before ([Convert]::ToBase64String([byte[]]$global:W.Items['c:\programdata\wachtwoord vergeten\directory-password.bin'].Bytes)) 'the AD password file is untouched'
    Test-Equal 'Svc-Geheim-42' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$bin.Bytes))) 'and still gives the AD password back'
    Test-That ((Get-FakeLastLoggedOn) -notmatch 'wwv-') 'the nurse is the last sign-in again'
}

Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
