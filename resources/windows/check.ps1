<#
.SYNOPSIS
  Checks what a domain GPO or an administrator can change after the install (drift.ps1): the kiosk account's deny
  rights, "Allow log on locally", the AppIDSvc start type, the kiosk shell, local Group Policy processing.
.DESCRIPTION
  Run elevated, by hand: prints each problem and exits 1, or prints "geen afwijkingen" and exits 0; changes nothing.
  -Task (the SYSTEM task "Wachtwoord vergeten - controle", at start-up and daily): on drift also sets Ready = 0 (the
  tile refuses) and writes event 101 (Application log, source "Wachtwoord vergeten"). Ready stays 0 until
  install.ps1 runs again.
#>
param([switch] $Task)
foreach ($f in 'common', 'secret', 'registry-pol', 'lockdown', 'shell', 'drift') { . (Join-Path $PSScriptRoot "$f.ps1") }
try {
    Assert-Admin
    $problems = @(Get-KioskDrift)
    if (-not $problems.Count) { Write-Step 'controle: geen afwijkingen (no drift)'; exit 0 }
    foreach ($p in $problems) { Write-Step "AFWIJKING: $p" }
    if ($Task) { Invoke-DriftAction $problems; Write-Step 'Ready = 0: de tegel weigert tot install.ps1 opnieuw heeft gedraaid' }
    exit 1
} catch {
    Write-Warning "[$ProductName] controle mislukt / check failed: $($_.Exception.Message)"
    if ($Task) { try { Set-RegValue $ProductKey 'Ready' 0 'DWord' } catch { Write-Warning "[$ProductName] could not clear Ready: $($_.Exception.Message)" } }
    exit 2
}
