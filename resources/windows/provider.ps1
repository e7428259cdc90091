# The "Wachtwoord vergeten" logon tile: a credential provider (COM in-process server) that signs into the kiosk
# account with the password in the LSA secret. Names: WINDOWS-CONTRACT (docs/windows-kiosk.md).
# Registration per "Credential Providers" (learn.microsoft.com, Windows credential provider framework): a key
# named by the CLSID under ...\Authentication\Credential Providers, and the COM class with InprocServer32.
$ProviderClsid = '{6D75EE9F-8460-466C-8E35-C5706647502F}'
$ProviderDll = 'wachtwoord-vergeten-tile.dll'
$ProviderKey = "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers\$ProviderClsid"
$ProviderClassKey = "HKLM:\SOFTWARE\Classes\CLSID\$ProviderClsid"
$TileDefaults = [ordered]@{ TileTitle = 'Wachtwoord vergeten'; TileSubtitle = 'Nieuw wachtwoord instellen met je geboortedatum en een sms-code' }
# What the tile proves at every sign-in (src-logon-tile/src/settings.h): KioskSid, KioskShell (the exact command
# Shell Launcher or the Shell policy starts), ShellMode (ShellLauncher|UserPolicy), AppLocker (1: AppIDSvc must run).
$TileFactNames = @('KioskSid', 'KioskShell', 'ShellMode', 'AppLocker')
# The tile's helpers: only admin-writable code (install preflight), LogonUI's last sign-in, the logon task.
foreach ($f in 'trusted-path', 'lastlogon', 'logon-task') { . (Join-Path $PSScriptRoot "$f.ps1") }

# <InstallDir>\resources\logon-tile\wachtwoord-vergeten-tile.dll (electron-builder extraResources).
function Get-DefaultTileDll([string] $AppExe) { return Join-Path (Split-Path $AppExe) "resources\logon-tile\$ProviderDll" }

# The tile's texts: written once; an administrator's or GPO's own texts stay.
function Set-TileTexts {
    foreach ($name in $TileDefaults.Keys) {
        if ($null -eq (Get-RegValue $ProductKey $name)) { Add-StateItem 'TileTexts' $name; Set-RegValue $ProductKey $name $TileDefaults[$name] 'String' }
    }
}

function Set-TileFacts([string] $Sid, [string] $Shell, [string] $Mode, [bool] $AppLocker) {
    Set-RegValue $ProductKey 'KioskSid' $Sid 'String'
    Set-RegValue $ProductKey 'KioskShell' $Shell 'String'
    Set-RegValue $ProductKey 'ShellMode' $Mode 'String'
    Set-RegValue $ProductKey 'AppLocker' ([int]$AppLocker) 'DWord'
}

function Test-TileFacts([string] $Sid, [string] $Shell, [string] $Mode, [bool] $AppLocker) {
    $expected = @{ KioskSid = $Sid; KioskShell = $Shell; ShellMode = $Mode; AppLocker = [int]$AppLocker }
    return @($TileFactNames | Where-Object { "$(Get-RegValue $ProductKey $_)" -ne "$($expected[$_])" } | ForEach-Object { "tile value $_" })
}

function Register-KioskProvider([string] $Dll) {
    Set-State 'ProviderRegistered' 1 # first: a half-written registration is removed by uninstall too
    Set-RegValue $ProviderKey '(default)' $ProductName 'String'
    Set-RegValue $ProviderClassKey '(default)' $ProductName 'String'
    Set-RegValue "$ProviderClassKey\InprocServer32" '(default)' $Dll 'String'
    Set-RegValue "$ProviderClassKey\InprocServer32" 'ThreadingModel' 'Apartment' 'String'
}

function Test-KioskProvider([string] $Dll) {
    $problems = @()
    if ((Get-RegValue $ProviderKey '(default)') -ne $ProductName) { $problems += 'credential provider key' }
    if ((Get-RegValue $ProviderClassKey '(default)') -ne $ProductName) { $problems += 'COM class' }
    if ((Get-RegValue "$ProviderClassKey\InprocServer32" '(default)') -ne $Dll) { $problems += 'InprocServer32 path' }
    if ((Get-RegValue "$ProviderClassKey\InprocServer32" 'ThreadingModel') -ne 'Apartment') { $problems += 'ThreadingModel' }
    if (-not (Test-Path -LiteralPath $Dll)) { $problems += "tile DLL missing: $Dll" }
    return $problems
}

# The tile, then its task, its values, and LogonUI's memory of a kiosk sign-in.
function Unregister-KioskProvider {
    foreach ($key in $ProviderKey, $ProviderClassKey) { if (Test-Path -Path $key) { Remove-Item -Path $key -Recurse -Force } }
    Unregister-KioskLogonTask
    foreach ($n in $TileFactNames) { Remove-RegValue $ProductKey $n }
    Restore-NormalLastLoggedOn | Out-Null
}
