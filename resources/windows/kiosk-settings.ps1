# kiosk.json: only from what an administrator gave this run or an earlier one, never from a folder a user could
# have prepared. Sources, later ones winning per key:
#  1. kiosk.json already in the settings folder, only when settings.ps1 kept that folder as this product's own;
#  2. -KioskConfig <path>: the administrator's whole kiosk.json, copied in (replaces 1);
#  3. -CentralUrl/-CaFile and -LocalMode -ConfigFile: only their own keys (a re-run keeps servicedesk, branding,
#     kioskId, idle times, language);
#  4. logoffOnExit and kioskAccount, always.
# Read and written as UTF-8 bytes: Windows PowerShell 5.1's Get-Content without -Encoding reads BOM-less UTF-8 as
# ANSI, and its "-Encoding UTF8" writes a BOM that JSON.parse refuses (about_Character_Encoding, 5.1).
$Utf8Strict = New-Object Text.UTF8Encoding $false, $true # no BOM written; invalid bytes throw

function Read-JsonFile([string] $Path) {
    $bytes = Read-FileBytes $Path
    $start = 0
    if ($bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF) { $start = 3 } # an editor's BOM
    try { $text = $Utf8Strict.GetString($bytes, $start, $bytes.Length - $start) }
    catch { throw "$Path is not UTF-8 text: save it as UTF-8" }
    try { $o = $text | ConvertFrom-Json }
    catch { throw "$Path is not valid JSON: $($_.Exception.Message)" }
    if ($o -isnot [psobject] -or $o -is [array]) { throw "$Path must hold one JSON object" }
    $s = [ordered]@{}
    foreach ($p in $o.PSObject.Properties) { $s[$p.Name] = $p.Value }
    return $s
}

function Write-JsonFile([string] $Path, $Object) {
    Write-FileBytes $Path $Utf8Strict.GetBytes(($Object | ConvertTo-Json -Depth 8))
}

function Write-KioskSettings($K) {
    $settings = Join-Path $SettingsDir 'kiosk.json'
    $s = [ordered]@{}
    if ($K.KioskConfig) { $s = Read-JsonFile $K.KioskConfig; Write-Step "kiosk.json: the administrator's $($K.KioskConfig)" }
    elseif (Test-Path -LiteralPath $settings) { $s = Read-JsonFile $settings }
    if ($K.CaFile) {
        Copy-Item -LiteralPath $K.CaFile -Destination (Join-Path $SettingsDir 'ca.pem') -Force
        $s['caFile'] = Join-Path $SettingsDir 'ca.pem'
    }
    if ($K.CentralUrl) { $s['mode'] = 'central'; $s['centralUrl'] = $K.CentralUrl }
    if ($K.ConfigFile) {
        Copy-Item -LiteralPath $K.ConfigFile -Destination (Join-Path $SettingsDir 'config.json') -Force
        $s['mode'] = 'local'
        $s['configFile'] = Join-Path $SettingsDir 'config.json'
    }
    if (-not $s.Count) { throw "no kiosk settings: give -CentralUrl and -CaFile, or -KioskConfig <the administrator's kiosk.json> (with -CaFile for central mode), or -LocalMode -ConfigFile. Nothing is read from a settings folder this installer did not create." }
    $mode = 'local'
    if ($s.Contains('mode')) { $mode = [string]$s['mode'] }
    if ($mode -eq 'central') {
        if ([string]$s['centralUrl'] -notmatch '^https://[^/\s]+') { throw 'kiosk.json: central mode needs an https:// centralUrl' }
        $ca = [string]$s['caFile']
        if (-not $ca.StartsWith($SettingsDir + '\', [StringComparison]::OrdinalIgnoreCase) -or -not (Test-Path -LiteralPath $ca)) { throw "kiosk.json: central mode needs the CA: give -CaFile (it is copied to $SettingsDir\ca.pem)" }
    } elseif (-not $K.LocalMode) { throw 'kiosk.json asks for local mode: pass -LocalMode to accept its risks (docs/windows-kiosk.md)' }
    if ($mode -ne 'central') {
        $cf = [string]$s['configFile']
        if (-not $cf.StartsWith($SettingsDir + '\', [StringComparison]::OrdinalIgnoreCase) -or -not (Test-Path -LiteralPath $cf)) { throw "kiosk.json: local mode needs -ConfigFile (it is copied to $SettingsDir\config.json)" }
    }
    $s['logoffOnExit'] = $true
    $s['kioskAccount'] = $K.AccountName
    Write-JsonFile $settings $s
    return $mode
}
