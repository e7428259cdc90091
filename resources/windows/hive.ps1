# Version 0.1.0 wrote the lock-down into the kiosk account's own NTUSER.DAT. The lock-down now lives in per-user
# local Group Policy (lockdown.ps1); this only takes 0.1.0's values out of an account that existed before it.
$LegacyHivePolicies = @(
    @{ Key = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'; Names = @('DisableTaskMgr', 'DisableLockWorkstation', 'DisableChangePassword', 'DisableRegistryTools', 'Shell') },
    @{ Key = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'; Names = @('NoRun', 'NoControlPanel', 'NoWinKeys', 'NoViewContextMenu', 'RestrictRun', 'DisallowRun') },
    @{ Key = 'Software\Policies\Microsoft\Windows\System'; Names = @('DisableCMD') }
)

# Loads a profile's hive under HKU\$Mount, runs $Action, unloads it again. The unload is retried: handles from the
# registry provider are released late. Through Invoke-Native: under 'Stop', Windows PowerShell 5.1 turned the
# first stderr line of a failed `reg.exe unload` into a terminating error, so the retry never ran.
function Invoke-WithUserHive([string] $ProfilePath, [string] $Mount, [scriptblock] $Action) {
    $hive = Join-Path $ProfilePath 'NTUSER.DAT'
    $load = Invoke-Native 'reg.exe' @('load', "HKU\$Mount", $hive)
    if ($load.ExitCode -ne 0) { throw "cannot load $hive (is the account signed in?): $($load.Output -join ' ')" }
    try { & $Action "Registry::HKEY_USERS\$Mount" }
    finally {
        [GC]::Collect()
        [GC]::WaitForPendingFinalizers()
        $unloaded = $false
        for ($i = 0; $i -lt 5 -and -not $unloaded; $i++) {
            if ($i) { Start-Sleep -Seconds 1 }
            $unloaded = (Invoke-Native 'reg.exe' @('unload', "HKU\$Mount")).ExitCode -eq 0
        }
        if (-not $unloaded) { Write-Warning "[$ProductName] could not unload HKU\${Mount}: Windows gives that account a temporary profile until a restart." }
    }
}

function Remove-LegacyHivePolicies([string] $Sid) {
    $userProfile = @(Get-CimInstance -ClassName Win32_UserProfile | Where-Object { $_.SID -eq $Sid })
    if (-not $userProfile.Count) { return }
    Invoke-WithUserHive $userProfile[0].LocalPath 'RK-Kiosk' {
        param($hku)
        foreach ($p in $LegacyHivePolicies) {
            foreach ($name in $p.Names) { Remove-RegValue "$hku\$($p.Key)" $name }
        }
        foreach ($list in 'RestrictRun', 'DisallowRun') {
            $listKey = "$hku\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer\$list"
            if (-not (Test-Path -Path $listKey)) { continue }
            foreach ($name in @((Get-Item -Path $listKey).GetValueNames() | Where-Object { $_ -match '^rk\d+$' })) { Remove-ItemProperty -Path $listKey -Name $name }
            $left = Get-Item -Path $listKey
            if ($left.ValueCount -eq 0 -and $left.SubKeyCount -eq 0) { Remove-Item -Path $listKey }
        }
    }
}
