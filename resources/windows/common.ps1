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

# Other programs, per account (same hive): "Run only specified Windows applications" (RestrictRun: the kiosk
# exe, and shutdown.exe it logs off with) and "Don't run specified Windows applications" (DisallowRun) as belt
# and braces. Explorer/ShellExecute enforce these, not the kernel: -AppLocker (below) is the enforcement.
# Our list entries are named rk1, rk2, ...: uninstall removes only those (and an emptied list key).
$RunListKey = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'
$DeniedPrograms = @('powershell.exe', 'powershell_ise.exe', 'pwsh.exe', 'mshta.exe', 'wscript.exe', 'cscript.exe', 'cmd.exe',
    'regedit.exe', 'regedt32.exe', 'reg.exe', 'mmc.exe', 'control.exe', 'explorer.exe')
function Get-RunLists([string] $AppExe) {
    return @{ RestrictRun = @((Split-Path $AppExe -Leaf), 'shutdown.exe'); DisallowRun = $DeniedPrograms }
}

# Opt-in AppLocker (install.ps1 -AppLocker; Enterprise/Education, service AppIDSvc): executable rules in the
# LOCAL policy for the kiosk account's SID only. Every rule id starts with $AppLockerIdPrefix, so uninstall
# removes exactly ours. Deny rules win over allow rules, so other accounts keep whatever they may run.
$AppLockerIdPrefix = '5e1f0c4a-7b3d-4d2e-9a61-'
# Under %WINDIR%, which the kiosk account may otherwise run from: the programs above and the folders a
# standard user can write to (so a copied program cannot run from there either).
$AppLockerWritableWindowsDirs = @('%WINDIR%\Temp\*', '%WINDIR%\Tasks\*', '%WINDIR%\tracing\*', '%WINDIR%\Registration\*', '%WINDIR%\Debug\*',
    '%SYSTEM32%\Tasks\*', '%SYSTEM32%\com\dmp\*', '%SYSTEM32%\FxsTmp\*', '%SYSTEM32%\spool\drivers\color\*', '%SYSTEM32%\spool\PRINTERS\*',
    '%SYSTEM32%\spool\SERVERS\*', '%SYSTEM32%\Microsoft\Crypto\RSA\MachineKeys\*', '%WINDIR%\SysWOW64\Tasks\*', '%WINDIR%\SysWOW64\com\dmp\*',
    '%WINDIR%\SysWOW64\FxsTmp\*')

function Get-AppLockerKioskRules([string] $Sid, [string] $AppDir, [bool] $AllowEveryone) {
    $specs = @()
    # No executable rules in effect yet: enforcing ours must not lock anyone else out, so everyone keeps everything.
    if ($AllowEveryone) { $specs += [pscustomobject]@{ Action = 'Allow'; Sid = 'S-1-1-0'; Path = '*'; Except = @() } }
    # The kiosk account: nothing outside %WINDIR% (logon needs it), the kiosk's own folder and the touch keyboard ...
    $specs += [pscustomobject]@{ Action = 'Deny'; Sid = $Sid; Path = '*'; Except = @('%WINDIR%\*', (Join-Path $AppDir '*'), '%PROGRAMFILES%\Common Files\microsoft shared\ink\*') }
    # ... and inside %WINDIR% none of the denied programs, nothing from user-writable folders.
    $paths = @('%SYSTEM32%\WindowsPowerShell\*', '%WINDIR%\SysWOW64\WindowsPowerShell\*')
    foreach ($p in $DeniedPrograms) { $paths += @("%WINDIR%\$p", "%SYSTEM32%\$p", "%WINDIR%\SysWOW64\$p") }
    foreach ($p in ($paths + $AppLockerWritableWindowsDirs)) { $specs += [pscustomobject]@{ Action = 'Deny'; Sid = $Sid; Path = $p; Except = @() } }
    $rules = @()
    for ($i = 0; $i -lt $specs.Count; $i++) {
        $r = $specs[$i]
        $path = [Security.SecurityElement]::Escape($r.Path)
        $x = '<FilePathRule Id="' + $AppLockerIdPrefix + ('{0:x12}' -f ($i + 1)) + '" Name="' + $ProductName + ': ' + $r.Action + ' ' + $path + '"'
        $x += ' Description="' + $ProductName + ' kiosk (install.ps1 -AppLocker)" UserOrGroupSid="' + $r.Sid + '" Action="' + $r.Action + '">'
        $x += '<Conditions><FilePathCondition Path="' + $path + '" /></Conditions>'
        if ($r.Except.Count) { $x += '<Exceptions>' + (($r.Except | ForEach-Object { '<FilePathCondition Path="' + [Security.SecurityElement]::Escape($_) + '" />' }) -join '') + '</Exceptions>' }
        $rules += $x + '</FilePathRule>'
    }
    return $rules
}

# The local AppLocker policy as XML; written back whole (Set-AppLockerPolicy without -Merge replaces it).
function Get-LocalAppLockerXml { return [xml](Get-AppLockerPolicy -Local -Xml) }
function Set-LocalAppLockerXml([xml] $Policy) {
    $file = Join-Path $env:TEMP ("rk-applocker-" + [guid]::NewGuid() + '.xml')
    try { $Policy.Save($file); Set-AppLockerPolicy -XmlPolicy $file }
    finally { Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue }
}
# AppIDSvc start type as sc.exe spells it (Set-Service cannot change this protected service).
function Get-AppIdSvcStart {
    $mode = (Get-CimInstance Win32_Service -Filter "Name='AppIDSvc'").StartMode
    switch ($mode) { 'Auto' { return 'auto' } 'Disabled' { return 'disabled' } default { return 'demand' } }
}

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
