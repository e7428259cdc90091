# The "Wachtwoord vergeten" logon tile: a credential provider (COM in-process server) that signs into the kiosk
# account with the password in the LSA secret. Names: WINDOWS-CONTRACT (docs/windows-kiosk.md).
# Registration per "Credential Providers" (learn.microsoft.com, Windows credential provider framework): a key
# named by the CLSID under ...\Authentication\Credential Providers, and the COM class with InprocServer32.
$ProviderClsid = '{6D75EE9F-8460-466C-8E35-C5706647502F}'
$ProviderDll = 'wachtwoord-vergeten-tile.dll'
$ProviderKey = "HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers\$ProviderClsid"
$ProviderClassKey = "HKLM:\SOFTWARE\Classes\CLSID\$ProviderClsid"
$TileDefaults = [ordered]@{ TileTitle = 'Wachtwoord vergeten'; TileSubtitle = 'Nieuw wachtwoord instellen met je geboortedatum en een sms-code' }

# <InstallDir>\resources\logon-tile\wachtwoord-vergeten-tile.dll (electron-builder extraResources).
function Get-DefaultTileDll([string] $AppExe) { return Join-Path (Split-Path $AppExe) "resources\logon-tile\$ProviderDll" }

# The tile's texts: written once; an administrator's or GPO's own texts stay.
function Set-TileTexts {
    foreach ($name in $TileDefaults.Keys) {
        if ($null -eq (Get-RegValue $ProductKey $name)) { Add-StateItem 'TileTexts' $name; Set-RegValue $ProductKey $name $TileDefaults[$name] 'String' }
    }
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

function Unregister-KioskProvider {
    foreach ($key in $ProviderKey, $ProviderClassKey) { if (Test-Path -Path $key) { Remove-Item -Path $key -Recurse -Force } }
}
