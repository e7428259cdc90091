# LogonUI's record of the last sign-in: HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI
# (LastLoggedOnProvider = the credential provider's CLSID, LastLoggedOnUser/-SAMUser = ".\name" or "COMPUTER\name",
# -DisplayName, -UserSID, SelectedUserSID; per session the same under SessionData\<n>). LogonUI preselects that
# provider and user when it comes back. Not a documented interface (the manual checklist in docs/windows-kiosk.md
# verifies it on a real PC). Two uses:
# - after every kiosk sign-in (the logon task, kiosk-task.ps1): the values a normal user's sign-in left are kept
#   (Save-NormalLastLoggedOn) and put back (Restore-NormalLastLoggedOn), so the logon screen comes back with the
#   nurse preselected, never the tile or the hidden kiosk account; with none kept, the kiosk's values are removed;
# - uninstall.ps1 cleans them once more for the deleted SIDs (Clear-KioskLastLoggedOn), so the logon screen does not
#   offer (or preselect) a user that no longer exists.
$LogonUiKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI'

function Test-KioskLogonValue([string] $Value, [string] $Sid, [string[]] $Names) {
    if (-not $Value) { return $false }
    if ($Value -eq $Sid) { return $true }
    $leaf = ($Value -split '\\')[-1]
    return $Names -contains $leaf
}

function Clear-KioskLastLoggedOn([string] $Sid, [string[]] $Names) {
    $keys = @($LogonUiKey)
    if (Test-Path -Path "$LogonUiKey\SessionData") { $keys += @(Get-ChildItem -LiteralPath "$LogonUiKey\SessionData" | ForEach-Object { "$LogonUiKey\SessionData\$($_.Name -replace '^.*\\', '')" }) }
    foreach ($key in $keys) {
        if (-not (Test-Path -Path $key)) { continue }
        $user = @('LastLoggedOnUser', 'LastLoggedOnSAMUser', 'LoggedOnUser', 'LoggedOnSAMUser') | Where-Object { Test-KioskLogonValue ([string](Get-RegValue $key $_)) $Sid $Names }
        $bySid = @('LastLoggedOnUserSID', 'SelectedUserSID', 'LoggedOnUserSID') | Where-Object { (Get-RegValue $key $_) -eq $Sid }
        if (-not @($user).Count -and -not @($bySid).Count) { continue }
        # Every value of that user goes together (the display name says nothing about which account it was).
        foreach ($n in 'LastLoggedOnUser', 'LastLoggedOnSAMUser', 'LastLoggedOnUserSID', 'LastLoggedOnDisplayName', 'SelectedUserSID', 'LoggedOnUser', 'LoggedOnSAMUser', 'LoggedOnUserSID', 'LoggedOnDisplayName') {
            if ($n -eq 'SelectedUserSID' -and (Get-RegValue $key $n) -ne $Sid) { continue }
            Remove-RegValue $key $n
        }
    }
}

# The logon task's side: what a normal sign-in left, kept and put back.
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
function Restore-NormalLastLoggedOn {
    if (-not (Test-KioskLastLoggedOn)) { return $false }
    foreach ($n in $LastLoggedOnNames) {
        $kept = Get-RegValue $NormalLogonKey $n
        if ($null -ne $kept) { Set-RegValue $LogonUiKey $n ([string]$kept) 'String' } else { Remove-RegValue $LogonUiKey $n }
    }
    Write-Step 'LogonUI no longer preselects the kiosk (last sign-in put back)'
    return $true
}
