# Shell Launcher (WMI class WESL_UserSetting) and the optional Keyboard Filter (WEKF_PredefinedKey, WEKF_Settings),
# both in root\standardcimv2\embedded. Every method's ReturnValue is checked (0 = success, else an HRESULT) and
# every setting is read back: a silently ignored failure is exactly what leaves Explorer as the kiosk's shell.

# Shell Launcher actions for the kiosk's exit code: 0 restart the shell, 1 restart, 2 shut down, 3 do nothing.
# Exit code 0 means the kiosk is logging the session off (do nothing); anything else (a crash): restart it.
$ShellReturnCodes = [int[]]@(0)
$ShellReturnActions = [int[]]@(3)
$ShellDefaultAction = 0
# Predefined key names exactly as Microsoft lists them ("Predefined key combinations", WEKF_PredefinedKey.Id).
$KeyboardFilterKeys = @('Alt+F4', 'Ctrl+F4', 'Alt+Tab', 'Ctrl+Tab', 'Ctrl+Esc', 'Alt+Space', 'Application', 'Windows', 'Shift+Ctrl+Esc',
    'Win+L', 'Win+U', 'LShift+LAlt+PrintScrn', 'LShift+LAlt+NumLock')

function Invoke-EmbeddedMethod([string] $Class, [string] $Method, [hashtable] $Arguments) {
    if (-not $Arguments) { $Arguments = @{} }
    $r = Invoke-CimMethod -Namespace $EmbeddedNs -ClassName $Class -MethodName $Method -Arguments $Arguments
    if ($null -eq $r) { throw "$Class.$Method returned nothing" }
    if ([int64]$r.ReturnValue -ne 0) { throw ('{0}.{1} failed: 0x{2:X8}' -f $Class, $Method, ([int64]$r.ReturnValue -band 0xFFFFFFFF)) }
    return $r
}

# $true when Windows wants a restart before the feature can be used (the SYSTEM task then finishes the setup).
function Enable-Feature([string] $Name, [string] $StateName) {
    if ((Get-WindowsOptionalFeature -Online -FeatureName $Name).State -eq 'Enabled') { return $false }
    Set-State $StateName 1
    $r = Enable-WindowsOptionalFeature -Online -FeatureName $Name -All -NoRestart
    return [bool]$r.RestartNeeded
}

function Get-KioskShellCommand([string] $AppExe) { return "`"$AppExe`"" }

# Is there a custom shell for $Sid? From the instances, not from an error code of GetCustomShell.
function Test-CustomShell([string] $Sid) { return [bool](@(Get-CimInstance -Namespace $EmbeddedNs -ClassName WESL_UserSetting) | Where-Object { $_.Sid -eq $Sid }) }

function Set-KioskShell([string] $Sid, [string] $AppExe) {
    if (-not [bool](Invoke-EmbeddedMethod 'WESL_UserSetting' 'IsEnabled').Enabled) {
        Set-State 'EnabledShellLauncher' 1
        Invoke-EmbeddedMethod 'WESL_UserSetting' 'SetEnabled' @{ Enabled = $true } | Out-Null
    }
    Add-StateItem 'ShellLauncherSids' $Sid
    # A re-install replaces our entry instead of failing on a duplicate.
    if (Test-CustomShell $Sid) { Invoke-EmbeddedMethod 'WESL_UserSetting' 'RemoveCustomShell' @{ Sid = $Sid } | Out-Null }
    Invoke-EmbeddedMethod 'WESL_UserSetting' 'SetCustomShell' @{ Sid = $Sid; Shell = (Get-KioskShellCommand $AppExe); CustomReturnCodes = $ShellReturnCodes;
        CustomReturnCodesAction = $ShellReturnActions; DefaultAction = $ShellDefaultAction } | Out-Null
}

function Test-KioskShell([string] $Sid, [string] $AppExe) {
    $problems = @()
    if (-not [bool](Invoke-EmbeddedMethod 'WESL_UserSetting' 'IsEnabled').Enabled) { $problems += 'Shell Launcher is not enabled' }
    $r = Invoke-EmbeddedMethod 'WESL_UserSetting' 'GetCustomShell' @{ Sid = $Sid }
    if ($r.Shell -ne (Get-KioskShellCommand $AppExe)) { $problems += "custom shell is '$($r.Shell)'" }
    if ((@($r.CustomReturnCodes) -join ',') -ne ($ShellReturnCodes -join ',') -or (@($r.CustomReturnCodesAction) -join ',') -ne ($ShellReturnActions -join ',') -or [int]$r.DefaultAction -ne $ShellDefaultAction) { $problems += 'custom shell exit-code actions' }
    return $problems
}

# Each record goes right after its undo, so a re-run after a failure does not redo (or trip over) what is done.
function Remove-KioskShell {
    # Without the feature there is no WMI class and no custom shell that could apply.
    if ((Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher).State -eq 'Enabled') {
        foreach ($sid in @(Get-StateList 'ShellLauncherSids')) {
            if (Test-CustomShell $sid) { Invoke-EmbeddedMethod 'WESL_UserSetting' 'RemoveCustomShell' @{ Sid = $sid } | Out-Null }
            Remove-StateItem 'ShellLauncherSids' $sid
        }
        if ((Get-State 'EnabledShellLauncher') -and -not @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WESL_UserSetting).Count) {
            Invoke-EmbeddedMethod 'WESL_UserSetting' 'SetEnabled' @{ Enabled = $false } | Out-Null
        }
    }
    Remove-State 'ShellLauncherSids'
    Remove-State 'EnabledShellLauncher'
    if (Get-State 'EnabledShellLauncherFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -NoRestart | Out-Null }
    Remove-State 'EnabledShellLauncherFeature'
}

function Get-PredefinedKey([string] $Id) {
    $k = @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_PredefinedKey -Filter "Id='$Id'")
    if ($k.Count -ne 1) { throw "Keyboard Filter has no predefined key '$Id'" }
    return $k[0]
}

# Machine-wide (every non-administrator, nurses included): opt-in, see docs/windows-kiosk.md.
function Set-KioskKeyboardFilter {
    foreach ($id in $KeyboardFilterKeys) {
        if ((Get-PredefinedKey $id).Enabled) { continue }
        Add-StateItem 'KeyboardFilterKeys' $id
        Invoke-EmbeddedMethod 'WEKF_PredefinedKey' 'Enable' @{ PredefinedKey = $id } | Out-Null
    }
    $adm = @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_Settings -Filter "Name='DisableKeyboardFilterForAdministrators'")
    if ($adm.Count -ne 1) { throw 'Keyboard Filter setting DisableKeyboardFilterForAdministrators not found' }
    if ($adm[0].Value -ne 'true') {
        if ($null -eq (Get-State 'KeyboardFilterAdminPrevious')) { Set-State 'KeyboardFilterAdminPrevious' ([string]$adm[0].Value) }
        Set-CimInstance -InputObject $adm[0] -Property @{ Value = 'true' }
    }
}

function Test-KioskKeyboardFilter {
    $problems = @()
    foreach ($id in $KeyboardFilterKeys) { if (-not (Get-PredefinedKey $id).Enabled) { $problems += "Keyboard Filter key $id" } }
    return $problems
}

function Remove-KioskKeyboardFilter {
    if ((Get-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter).State -eq 'Enabled') {
        foreach ($id in @(Get-StateList 'KeyboardFilterKeys')) { Invoke-EmbeddedMethod 'WEKF_PredefinedKey' 'Disable' @{ PredefinedKey = $id } | Out-Null; Remove-StateItem 'KeyboardFilterKeys' $id }
        $prev = Get-State 'KeyboardFilterAdminPrevious'
        if ($null -ne $prev) {
            $adm = @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_Settings -Filter "Name='DisableKeyboardFilterForAdministrators'")
            if ($adm.Count -eq 1) { Set-CimInstance -InputObject $adm[0] -Property @{ Value = $prev } }
        }
    }
    Remove-State 'KeyboardFilterKeys'
    Remove-State 'KeyboardFilterAdminPrevious'
    if (Get-State 'EnabledKeyboardFilterFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter -NoRestart | Out-Null }
    Remove-State 'EnabledKeyboardFilterFeature'
}
