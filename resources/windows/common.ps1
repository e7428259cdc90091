# Shared helpers for install.ps1 and uninstall.ps1 (dot-sourced). Windows PowerShell 5.1, run elevated.
# Every change install.ps1 makes is recorded under $StateKey, so uninstall.ps1 undoes exactly that and
# nothing an administrator or GPO had set before.
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$ProductName = 'Wachtwoord vergeten'
$StateKey = 'HKLM:\SOFTWARE\Wachtwoord vergeten\Install'
$SettingsDir = Join-Path $env:ProgramData $ProductName
$LsaKey = 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa'
$EmbeddedNs = 'root\standardcimv2\embedded'
$UsersGroupSid = 'S-1-5-32-545' # BUILTIN\Users, whatever the display language ("Gebruikers")
# Rights the kiosk account must never have: no network, RDP, batch or service logon.
$DenyRights = @('SeDenyNetworkLogonRight', 'SeDenyRemoteInteractiveLogonRight', 'SeDenyBatchLogonRight', 'SeDenyServiceLogonRight')

# Per-account policies written into the kiosk account's own hive (HKCU for that account only):
# the Ctrl+Alt+Del screen offers no Task Manager, lock or password change; no cmd, regedit, Run, Control Panel.
$HivePolicies = @(
    @{ Key = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'; Names = @('DisableTaskMgr', 'DisableLockWorkstation', 'DisableChangePassword', 'DisableRegistryTools') },
    @{ Key = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'; Names = @('NoRun', 'NoControlPanel', 'NoWinKeys', 'NoViewContextMenu') },
    @{ Key = 'Software\Policies\Microsoft\Windows\System'; Names = @('DisableCMD') }
)
# Pro editions: the kiosk as this account's shell through the "Custom User Interface" policy.
$ShellPolicyKey = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'

function Write-Step([string] $Message) { Write-Host "[$ProductName] $Message" }

function Assert-Admin {
    $id = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
    if (-not $id.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { throw 'Run this script elevated (as administrator).' }
}

function Get-State([string] $Name) {
    $item = Get-ItemProperty -Path $StateKey -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $item) { return $null }
    return $item.$Name
}
function Set-State([string] $Name, $Value) {
    if (-not (Test-Path $StateKey)) { New-Item -Path $StateKey -Force | Out-Null }
    Set-ItemProperty -Path $StateKey -Name $Name -Value $Value
}

function Get-AccountSid([string] $Name) {
    $user = Get-LocalUser -Name $Name -ErrorAction SilentlyContinue
    if ($null -eq $user) { return $null }
    return $user.SID.Value
}

# Shell Launcher and Keyboard Filter are Enterprise/Education (and IoT Enterprise) features.
# OperatingSystemSKU, not the (translated) caption: Enterprise 4/27, Enterprise LTSC 125/126,
# Education 121/122, IoT Enterprise 188/191. Pro (48), Pro Education (164), Home: not supported.
function Test-LockdownEdition {
    $sku = [int](Get-CimInstance Win32_OperatingSystem).OperatingSystemSKU
    return @(4, 27, 121, 122, 125, 126, 188, 191) -contains $sku
}

# User rights through secedit (no module needed): add or remove one SID from a privilege line.
function Set-UserRight([string] $Right, [string] $Sid, [bool] $Present) {
    $tmp = Join-Path $env:TEMP ("rk-secedit-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $tmp | Out-Null
    try {
        $inf = Join-Path $tmp 'rights.inf'
        & secedit.exe /export /cfg $inf /areas USER_RIGHTS /quiet | Out-Null
        $line = (Get-Content $inf | Where-Object { $_ -like "$Right *" }) | Select-Object -First 1
        $entries = @()
        if ($line) { $entries = @(($line -split '=', 2)[1].Trim() -split ',' | Where-Object { $_ }) }
        $entry = "*$Sid"
        $entries = @($entries | Where-Object { $_ -ne $entry })
        if ($Present) { $entries += $entry }
        $value = if ($entries.Count) { $entries -join ',' } else { '' }
        $out = Join-Path $tmp 'apply.inf'
        @('[Unicode]', 'Unicode=yes', '[Version]', 'signature="$CHICAGO$"', 'Revision=1', '[Privilege Rights]', "$Right = $value") | Set-Content -Path $out -Encoding Unicode
        & secedit.exe /configure /db (Join-Path $tmp 'rights.sdb') /cfg $out /areas USER_RIGHTS /quiet | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "secedit could not set $Right" }
    } finally {
        Remove-Item -Recurse -Force $tmp -ErrorAction SilentlyContinue
    }
}

# Loads the kiosk account's registry hive under HKU\$Mount, runs $Action, unloads it again.
function Invoke-WithUserHive([string] $ProfilePath, [string] $Mount, [scriptblock] $Action) {
    $hive = Join-Path $ProfilePath 'NTUSER.DAT'
    & reg.exe load "HKU\$Mount" $hive | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "cannot load $hive (is the kiosk account signed in?)" }
    try { & $Action "Registry::HKEY_USERS\$Mount" }
    finally {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers() # release handles, or the unload fails
        for ($i = 0; $i -lt 5; $i++) { & reg.exe unload "HKU\$Mount" 2>$null | Out-Null; if ($LASTEXITCODE -eq 0) { break }; Start-Sleep 1 }
    }
}

function Get-ProfilePath([string] $Sid) {
    $p = Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $Sid }
    if ($p) { return $p.LocalPath }
    return $null
}
