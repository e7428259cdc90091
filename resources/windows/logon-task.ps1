# The SYSTEM task "Wachtwoord vergeten - na aanmelden" (kiosk-task.ps1), at startup and 30 s after every sign-in:
# - a normal user's sign-in: LogonUI's record of it is kept (lastlogon.ps1);
# - a kiosk sign-in (LogonUI's record names the kiosk) or a rotation left pending: the normal record is put back,
#   and the kiosk account gets a NEW random password (Update-KioskPassword), so a password read from the LSA
#   secret stops working as soon as the next kiosk session has started, and a lock-out never outlives it.
# Both modes: an administrator's password reset makes the account's own DPAPI data unreadable (Microsoft, "How to
# troubleshoot the Data Protection API", KB 309408), so local mode keeps the AD password with machine-scope DPAPI
# (directory-secret.ps1), which a rotation does not touch. Registered by install.ps1 (with the tile), removed by
# uninstall.ps1 (with the tile).
$LogonTaskName = "$ProductName - na aanmelden"
$LogonTaskScript = 'kiosk-task.ps1'

function Register-KioskLogonTask {
    Set-State 'LogonTask' 1
    $run = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$(Join-Path $SetupCopyDir $LogonTaskScript)`""
    $action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\WindowsPowerShell\v1.0\powershell.exe" -Argument $run
    $logon = New-ScheduledTaskTrigger -AtLogOn # any user: the task decides from LogonUI's record whose sign-in it was
    $logon.Delay = 'PT30S' # after LogonUI has written its record of this sign-in
    Register-ScheduledTask -TaskName $LogonTaskName -Action $action -Trigger @((New-ScheduledTaskTrigger -AtStartup), $logon) -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
}

function Test-KioskLogonTask {
    if (-not (Get-ScheduledTask -TaskName $LogonTaskName -ErrorAction SilentlyContinue)) { return @('logon task missing') }
    return @()
}

function Unregister-KioskLogonTask {
    if (Get-ScheduledTask -TaskName $LogonTaskName -ErrorAction SilentlyContinue) { Unregister-ScheduledTask -TaskName $LogonTaskName -Confirm:$false }
    Remove-State 'LogonTask'
}

function Invoke-Retried([int] $Attempts, [string] $What, [scriptblock] $Action) {
    for ($n = 1; ; $n++) {
        try { & $Action; return }
        catch {
            if ($n -ge $Attempts) { throw "$What failed $n times: $($_.Exception.Message)" }
            Start-Sleep -Seconds 2
        }
    }
}

# A new CSPRNG password, on the account first, then in the LSA secret, each retried. 'RotationPending' is on record
# from before the first change until both hold the same password: a run that stops in between (power cut) is
# finished by the next run (at startup at the latest). If the secret cannot be stored at all, the kiosk account is
# disabled (the tile says "staat uit") and 'RotationLocked' lets the next successful run enable it again. Ready is
# left alone: it belongs to install.ps1 and the drift task (a Ready = 0 of theirs must not be undone here).
function Update-KioskPassword([string] $Sid) {
    Set-State 'RotationPending' 1
    $pw = New-KioskPassword
    try {
        Invoke-Retried 3 'setting the kiosk password' { Set-LocalUser -SID $Sid -Password $pw }
        try { Invoke-Retried 5 'LsaStorePrivateData' { Set-KioskSecret $pw } }
        catch {
            Set-State 'RotationLocked' 1
            try { Disable-LocalUser -SID $Sid }
            catch { if (-not (Lock-Kiosk @($Sid))) { Write-Warning "[$ProductName] NOT SAFE: the kiosk account could not be disabled" } }
            throw
        }
    } finally { $pw.Dispose() }
    Remove-State 'RotationPending'
    if (Get-State 'RotationLocked') {
        Enable-LocalUser -SID $Sid
        Remove-State 'RotationLocked'
    }
    Write-Step 'the kiosk account has a new password'
}
