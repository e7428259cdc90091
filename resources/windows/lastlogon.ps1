# What LogonUI preselects: it keeps the last interactive sign-in under HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\
# Authentication\LogonUI (LastLoggedOnProvider = the credential provider's CLSID, LastLoggedOnUser/-SAMUser =
# COMPUTER\name, -DisplayName, -UserSID, SelectedUserSID) and selects that provider and user when it comes back.
# These values are not a documented interface (the manual checklist in docs/windows-kiosk.md verifies them on a
# real PC). After a kiosk session they name the kiosk: the tile would come back preselected, and the hidden
# kiosk account as the "last user". So the values a normal user's sign-in left are kept (Save-NormalLastLoggedOn)
# and put back after a kiosk sign-in (Clear-KioskLastLoggedOn); with none kept, the kiosk's values are removed
# and LogonUI shows its default. Used by the logon task (kiosk-task.ps1) and by uninstall (provider.ps1).
$LogonUiKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI'
$LastLoggedOnNames = @('LastLoggedOnProvider', 'LastLoggedOnUser', 'LastLoggedOnSAMUser', 'LastLoggedOnDisplayName', 'LastLoggedOnUserSID', 'SelectedUserSID')
$NormalLogonKey = "$StateKey\LastLoggedOn"

# Does LogonUI's record name the kiosk (our provider, or any kiosk account ever installed, by SID or by name)?
function Test-KioskLastLoggedOn {
    $sids = @(Get-StateList 'AccountSids')
    $names = @(Get-StateList 'AccountNames')
    foreach ($n in $LastLoggedOnNames) {
        $v = [string](Get-RegValue $LogonUiKey $n)
        if (-not $v) { continue }
        if ($n -eq 'LastLoggedOnProvider' -and $v -eq $ProviderClsid) { return $true }
        if ($sids -contains $v) { return $true }
        foreach ($name in $names) { if ($v -eq $name -or $v.EndsWith("\$name", [StringComparison]::OrdinalIgnoreCase)) { return $true } }
    }
    return $false
}

# A normal user's record, kept (all values, replacing the previous copy) to be put back after a kiosk sign-in.
function Save-NormalLastLoggedOn {
    if (Test-KioskLastLoggedOn) { return }
    if (Test-Path -Path $NormalLogonKey) { Remove-Item -Path $NormalLogonKey -Recurse -Force }
    New-Item -Path $NormalLogonKey -Force | Out-Null
    foreach ($n in $LastLoggedOnNames) {
        $v = Get-RegValue $LogonUiKey $n
        if ($null -ne $v) { Set-RegValue $NormalLogonKey $n ([string]$v) 'String' }
    }
}

# If the record names the kiosk: the kept normal values back (each absent one removed). $true when it changed.
function Clear-KioskLastLoggedOn {
    if (-not (Test-KioskLastLoggedOn)) { return $false }
    foreach ($n in $LastLoggedOnNames) {
        $kept = Get-RegValue $NormalLogonKey $n
        if ($null -ne $kept) { Set-RegValue $LogonUiKey $n ([string]$kept) 'String' } else { Remove-RegValue $LogonUiKey $n }
    }
    Write-Step 'LogonUI no longer preselects the kiosk (last sign-in put back)'
    return $true
}
