<#
.SYNOPSIS
  Reverses install.ps1, step by step, using what it recorded in HKLM\SOFTWARE\Wachtwoord vergeten\Install:
  only what the install changed is undone (a Windows feature that was already on stays on).
  Run by the NSIS uninstaller (not on updates), or by hand, elevated. -KeepSettings keeps kiosk.json.
#>
param([switch] $KeepSettings)
. (Join-Path $PSScriptRoot 'common.ps1')
Assert-Admin
$failed = @()
function Step([string] $Name, [scriptblock] $Action) {
    try { & $Action; Write-Step "undone: $Name" }
    catch { $script:failed += $Name; Write-Warning "[$ProductName] could not undo ${Name}: $($_.Exception.Message)" }
}

$account = Get-State 'AccountName'
$sid = Get-State 'AccountSid'
if (-not $account) { Write-Step 'nothing recorded: not installed (or already removed).'; exit 0 }

Step 'open kiosk sessions' {
    # Sign the kiosk account out everywhere first: its profile and hive cannot be removed while in use.
    $sessions = Get-Process -IncludeUserName -ErrorAction SilentlyContinue | Where-Object { $_.UserName -like "*\$account" } | Select-Object -ExpandProperty SessionId -Unique
    foreach ($s in $sessions) { & logoff.exe $s }
    if ($sessions) { Start-Sleep -Seconds 5 }
}

Step 'Shell Launcher' {
    if (-not (Get-State 'ShellLauncherSid') -and -not (Get-State 'EnabledShellLauncherFeature')) { return }
    if (Get-State 'ShellLauncherSid') {
        $wesl = [wmiclass]"\\localhost\${EmbeddedNs}:WESL_UserSetting"
        try { $wesl.RemoveCustomShell($sid) | Out-Null } catch { } # already gone: fine
        $others = @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WESL_UserSetting -ErrorAction SilentlyContinue)
        if ((Get-State 'EnabledShellLauncher') -and $others.Count -eq 0) { $wesl.SetEnabled($false) | Out-Null }
    }
    if (Get-State 'EnabledShellLauncherFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -NoRestart | Out-Null }
}

Step 'Keyboard Filter' {
    $keys = Get-State 'KeyboardFilterKeys'
    if ($keys) {
        foreach ($key in $keys -split ',') {
            $rule = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_PredefinedKey | Where-Object { $_.Id -eq $key }
            if ($rule) { Set-CimInstance -InputObject $rule -Property @{ Enabled = $false } }
        }
    }
    $adm = Get-State 'KeyboardFilterAdminPrevious'
    if ($null -ne $adm) {
        $setting = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_Settings | Where-Object { $_.Name -eq 'DisableKeyboardFilterForAdministrators' }
        if ($setting) { Set-CimInstance -InputObject $setting -Property @{ Value = $adm } }
    }
    if (Get-State 'EnabledKeyboardFilterFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter -NoRestart | Out-Null }
}

Step 'denied logon rights' {
    $rights = Get-State 'DenyRights'
    if ($rights -and $sid) { foreach ($r in $rights -split ',') { Set-UserRight $r $sid $false } }
}

Step 'profile and account' {
    if (Get-State 'AccountCreated') {
        Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $sid } | Remove-CimInstance # folder + hive
        Remove-LocalUser -SID $sid -ErrorAction SilentlyContinue
        return
    }
    # An account that existed before the install stays; only our policies leave its hive.
    $profilePath = Get-ProfilePath $sid
    if (-not $profilePath -or -not (Get-State 'HivePolicies')) { return }
    Invoke-WithUserHive $profilePath 'RK-Kiosk' {
        param($hku)
        foreach ($p in $HivePolicies) { foreach ($name in $p.Names) { Remove-ItemProperty -Path "$hku\$($p.Key)" -Name $name -ErrorAction SilentlyContinue } }
        if ((Get-State 'ShellMode') -eq 'UserPolicy') { Remove-ItemProperty -Path "$hku\$ShellPolicyKey" -Name 'Shell' -ErrorAction SilentlyContinue }
    }
}

Step 'blank-password policy' {
    $previous = Get-State 'LimitBlankPasswordUsePrevious'
    if ($null -eq $previous) { return }
    if ([int]$previous -eq -1) { Remove-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -ErrorAction SilentlyContinue }
    else { Set-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -Value ([int]$previous) -Type DWord }
}

Step 'settings folder' {
    if ($KeepSettings -or -not (Get-State 'CreatedSettingsDir')) { return }
    Remove-Item -LiteralPath $SettingsDir -Recurse -Force -ErrorAction SilentlyContinue
}

Step 'setup task' { Unregister-ScheduledTask -TaskName "$ProductName - setup na herstart" -Confirm:$false -ErrorAction SilentlyContinue }

if ($failed.Count) { Write-Warning "[$ProductName] not undone: $($failed -join ', '). The record stays in $StateKey; run again."; exit 1 }
Remove-Item -Path (Split-Path $StateKey) -Recurse -Force
Write-Step 'removed. A restart completes disabling Windows features, if any were turned off.'
exit 0
