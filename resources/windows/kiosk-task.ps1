<#
.SYNOPSIS
  The SYSTEM task "Wachtwoord vergeten - na aanmelden": at startup and after every sign-in (logon-task.ps1).
.DESCRIPTION
  Keeps LogonUI's record of a normal sign-in, puts it back after a kiosk sign-in (so the logon screen never comes
  back with the kiosk preselected), and gives the kiosk account a new password after each kiosk sign-in. Runs from the admin-owned copy in C:\ProgramData\Wachtwoord vergeten\setup. Exit 0, or 1 after a failure
  (then the kiosk is left locked if its account and secret could be apart).
#>
foreach ($f in 'common', 'secret', 'account', 'provider') { . (Join-Path $PSScriptRoot "$f.ps1") }

try {
    Step 'logon task' {
        $sid = Get-State 'AccountSid'
        if (-not $sid -or -not (Get-State 'LogonTask')) { Write-Step 'not installed: nothing to do'; return }
        $kioskSignedIn = Test-KioskLastLoggedOn
        if ($kioskSignedIn) { Restore-NormalLastLoggedOn | Out-Null } else { Save-NormalLastLoggedOn }
        if ($kioskSignedIn -or (Get-State 'RotationPending')) { Update-KioskPassword $sid }
    }
} catch {
    Write-Warning "[$ProductName] logon task FAILED in step '$CurrentStep': $($_.Exception.Message)"
    exit 1
}
exit 0
