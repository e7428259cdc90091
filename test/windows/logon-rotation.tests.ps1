# The kiosk password's rotation by the logon task, when things go wrong, on the fake machine: account first, then
# the LSA secret; a failure in between is retried; a secret that cannot be stored disables the account until a good
# run; a run cut off in between is finished by the next one; local mode rotates too (its AD password is machine-scope
# DPAPI).
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'cases.ps1'))
Case 'rotation: a failure between account and secret is retried; if the secret cannot be stored the account is disabled, then enabled again (Ready left alone)' {
    $u = Install-Kiosk
    Set-KioskSignedIn
    $ref = Invoke-FakeTask $LogonTask
    $store = @($global:W.Log | Where-Object { $_ -match 'LsaStorePrivateData L\$' } | ForEach-Object { [int]($_ -replace '^(\d+).*', '$1') })
    $set = @($global:W.Log | Where-Object { $_ -match 'Set-LocalUser' } | ForEach-Object { [int]($_ -replace '^(\d+).*', '$1') })
    Test-That ($ref.Exit -eq 0 -and $set.Count -eq 1 -and $store.Count -eq 1 -and $set[0] -lt $store[0]) 'the account first, then the LSA secret'
    foreach ($at in @($set[0], $store[0])) {
        New-World; $u = Install-Kiosk; Set-KioskSignedIn
        $r = Invoke-FakeTask $LogonTask -FailAt $at
        Test-Equal 0 $r.Exit "one failure at call $at ($($r.Failed.Name)) is retried`n$($r.Output)"
        Test-InStep $u "after a retried failure at call $at"
        Test-That ($u.Enabled -and (Get-ProductValue 'Ready') -eq 1) 'the kiosk stays usable'
    }
    # The secret cannot be stored at all: the two are apart, so the kiosk is locked until a run succeeds.
    New-World; $u = Install-Kiosk; Set-KioskSignedIn
    $hook = [WachtwoordVergeten.Lsa]::Hook
    [WachtwoordVergeten.Lsa]::Hook = [Func[string, bool]] { param($what) if ($what -like 'LsaStorePrivateData L$*') { return $true }; Enter-Fake 'lsa' $what }
    try { $r = Invoke-FakeTask $LogonTask } finally { [WachtwoordVergeten.Lsa]::Hook = $hook }
    Test-Equal 1 $r.Exit 'the task fails'
    Test-That (-not $u.Enabled) 'secret cannot be stored: the kiosk account is disabled (the tile says "staat uit")'
    $global:W.Items['hklm\software\wachtwoord vergeten'].Values['Ready'] = @{ Type = 'DWord'; Data = 0 } # meanwhile the drift task found drift
    Test-That ([WachtwoordVergeten.Lsa]::Secrets[$KioskSecretName] -cne $u.Password) '(account and secret are apart)'
    $r = Invoke-FakeTask $LogonTask # next sign-in or startup: LogonUI no longer names the kiosk, the pending rotation is finished
    Test-Equal 0 $r.Exit "the next run finishes the rotation`n$($r.Output)"
    Test-InStep $u 'after the pending rotation'
    Test-That $u.Enabled 'the kiosk account is enabled again'
    Test-Equal 0 (Get-ProductValue 'Ready') 'a Ready = 0 of the drift task is not undone by the logon task'
    # A power cut between the two: 'RotationPending' makes the next run (at startup) rotate.
    New-World; $u = Install-Kiosk; Set-KioskSignedIn
    $r = Invoke-FakeTask $LogonTask -FailAt $store[0]
    Set-FakeValue 'HKLM\SOFTWARE\Wachtwoord vergeten\Install' 'RotationPending' 1 'DWord'
    $u.Password = 'cut-after-the-account'
    Invoke-FakeTask $LogonTask | Out-Null
    Test-InStep $u 'a pending rotation is finished by the next run'
}

Case 'local mode rotates too: the AD password (machine-scope DPAPI) is untouched, the last sign-in is put back' {
    (Add-FakeItem 'C:\Users\admin\ad.txt' 'File').Bytes = [Text.Encoding]::UTF8.GetBytes("Svc-Geheim-42`r`n")
    $u = Install-Kiosk @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json'; DirectoryPasswordFile = 'C:\Users\admin\ad.txt' }
    $bin = $global:W.Items['c:\programdata\wachtwoord vergeten\directory-password.bin']
    $before = [Convert]::ToBase64String([byte[]]$bin.Bytes)
    Set-NurseSignedIn; Invoke-FakeTask $LogonTask | Out-Null
    $pw = $u.Password
    Set-KioskSignedIn
    Test-Equal 0 (Invoke-FakeTask $LogonTask).Exit 'task in local mode'
    Test-That ($u.Password -cne $pw) 'local mode: the kiosk password is rotated'
    Test-InStep $u 'local mode'
    Test-Equal $before ([Convert]::ToBase64String([byte[]]$global:W.Items['c:\programdata\wachtwoord vergeten\directory-password.bin'].Bytes)) 'the AD password file is untouched'
    Test-Equal 'Svc-Geheim-42' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$bin.Bytes))) 'and still gives the AD password back'
    Test-That ((Get-FakeLastLoggedOn) -notmatch 'wwv-') 'the nurse is the last sign-in again'
}

Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
