# LogonUI's "last signed-in user" values, cleaned of a kiosk account that is being removed, so the logon screen does
# not offer (or pre-select) a user that no longer exists. (The "tile" work on the logon tile cleans them after
# every kiosk logoff; uninstall.ps1 cleans them once more for the deleted SIDs.)
# HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI: LastLoggedOnUser / LastLoggedOnSAMUser
# (".\name" or "COMPUTER\name"), LastLoggedOnUserSID, LastLoggedOnDisplayName, SelectedUserSID; and per session
# the same under SessionData\<n> (LoggedOnUser, LoggedOnSAMUser, LoggedOnUserSID, LoggedOnDisplayName).
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
