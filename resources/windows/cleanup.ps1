# uninstall.ps1's helpers for what Windows still holds: the kiosk session and its registry hive, the tile DLL that
# LogonUI keeps loaded, and the Group Policy state Windows kept for the kiosk SID.
$SessionWaitSeconds = 120
$GroupPolicyStateKeys = @('HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\State', 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\DataStore',
    'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy', 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Group Policy\Status')
$PendingDeleteSource = @'
using System;
using System.Runtime.InteropServices;
namespace WachtwoordVergeten {
  public static class PendingDelete {
    const uint MOVEFILE_DELAY_UNTIL_REBOOT = 0x4;
    [DllImport("kernel32.dll", CharSet = CharSet.Unicode, SetLastError = true)] static extern bool MoveFileEx(string existing, string newName, uint flags);
    // 0, or the Win32 error. Administrators or LocalSystem only; a folder goes only if it is empty by then.
    public static int AtRestart(string path) { return MoveFileEx(path, null, MOVEFILE_DELAY_UNTIL_REBOOT) ? 0 : Marshal.GetLastWin32Error(); }
  }
}
'@
if (-not ('WachtwoordVergeten.PendingDelete' -as [type])) { Add-Type -TypeDefinition $PendingDeleteSource }

function Get-KioskSessionIds([string[]] $Names) {
    return @(Get-Process -IncludeUserName | Where-Object { $_.UserName -and $Names -contains ($_.UserName -split '\\')[-1] } | Select-Object -ExpandProperty SessionId -Unique)
}

# Signs the kiosk sessions out and waits (bounded) until no kiosk process is left and no kiosk profile's hive is
# loaded (Win32_UserProfile.Loaded): a profile cannot be deleted before that.
function Wait-KioskSessionsGone([string[]] $Sids, [string[]] $Names) {
    foreach ($s in @(Get-KioskSessionIds $Names)) { Invoke-Native 'logoff.exe' @("$s") | Out-Null }
    $waited = 0
    while ($true) {
        $sessions = @(Get-KioskSessionIds $Names)
        $loaded = @(Get-CimInstance -ClassName Win32_UserProfile | Where-Object { $Sids -contains $_.SID -and $_.Loaded })
        if (-not $sessions.Count -and -not $loaded.Count) { return }
        if ($waited -ge $SessionWaitSeconds) {
            throw "the kiosk session ($(@($sessions) -join ', ')) or its profile ($(@($loaded | ForEach-Object { $_.LocalPath }) -join ', ')) is still in use after $SessionWaitSeconds s. Sign the kiosk out or restart the PC, then run uninstall.ps1 again"
        }
        if ($waited % 20 -eq 0) { Write-Step "waiting for the kiosk session to end and its profile to unload ($waited of $SessionWaitSeconds s)" }
        Start-Sleep -Seconds 2
        $waited += 2
    }
}

# The tile DLL: deleted now, or (LogonUI still has it loaded) at the next restart. $true when a restart is needed.
function Remove-TileDll([string] $Dll) {
    if (-not $Dll -or -not (Test-Path -LiteralPath $Dll)) { return $false }
    try { Remove-Item -LiteralPath $Dll -Force; return $false }
    catch { Write-Step "the logon tile DLL is in use (LogonUI): it is deleted at the next restart ($Dll)" }
    $err = [WachtwoordVergeten.PendingDelete]::AtRestart($Dll)
    if ($err -ne 0) { throw "MoveFileEx(MOVEFILE_DELAY_UNTIL_REBOOT) $Dll failed: $((New-Object ComponentModel.Win32Exception $err).Message)" }
    # Its folder too, if it is empty by then (NSIS removes the rest of the install folder).
    [void][WachtwoordVergeten.PendingDelete]::AtRestart((Split-Path $Dll))
    return $true
}

# What Windows' Group Policy service kept for a deleted user SID.
function Clear-GroupPolicyState([string] $Sid) {
    foreach ($k in $GroupPolicyStateKeys) { if (Test-Path -Path "$k\$Sid") { Remove-Item -Path "$k\$Sid" -Recurse -Force } }
}

# An uninstall that ended with 3010 queued the tile DLL for deletion at the restart (MoveFileEx keeps the queue in
# Session Manager\PendingFileRenameOperations as "\??\<path>"): installing before that restart would lose the new DLL.
function Assert-NotPendingDelete([string] $Path) {
    $pending = @(Get-RegValue 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' 'PendingFileRenameOperations') | Where-Object { $_ } | ForEach-Object { ([string]$_) -replace '^\\\?\?\\', '' }
    if (@($pending) -contains $Path) { throw "restart the PC first: the logon tile DLL is queued for deletion at the next restart (an uninstall asked for it, exit 3010): $Path" }
}
