# C:\ProgramData\Wachtwoord vergeten\: kiosk.json, the pinned CA (central) or core config (local), the AD password
# import file, and a copy of these scripts. ProgramData lets every user create folders, so a non-admin may have
# created this one first, with a planted kiosk.json. It is taken over: owner Administrators, ACLs reset, no
# inherited user write; files a non-admin owned are deleted; then verified. The kiosk account only reads.
$WriteMask = 0x500D0156 # WriteData|AppendData|WriteEA|DeleteChild|WriteAttributes|Delete|WriteDAC|WriteOwner|GENERIC_WRITE|GENERIC_ALL

function Get-OwnerSid([string] $Path) {
    try { return (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier]).Value }
    catch { return $null } # unreadable by an administrator: certainly not ours
}

# Non-admin principals that may write $Path (effective ACL, inherited entries included).
function Get-ForeignWriters([string] $Path) {
    $rules = (Get-Acl -LiteralPath $Path).GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])
    return @($rules | Where-Object { $_.AccessControlType -eq 'Allow' -and ([int64]$_.FileSystemRights -band $WriteMask) -and $TrustedOwners -notcontains $_.IdentityReference.Value } |
        ForEach-Object { $_.IdentityReference.Value } | Select-Object -Unique)
}

function Protect-SettingsDir([string] $KioskSid) {
    if (Test-Path -LiteralPath $SettingsDir) {
        # Before the take-over: who owned what (afterwards everything is ours).
        $untrusted = @(@(Get-Item -LiteralPath $SettingsDir) + @(Get-ChildItem -LiteralPath $SettingsDir -Recurse -Force) |
            Where-Object { $TrustedOwners -notcontains (Get-OwnerSid $_.FullName) } | ForEach-Object { $_.FullName })
        Invoke-Native 'takeown.exe' @('/F', $SettingsDir, '/A', '/R') -Check | Out-Null
        Invoke-Native 'icacls.exe' @($SettingsDir, '/reset', '/T', '/C', '/Q') -Check | Out-Null
    } else {
        Set-State 'CreatedSettingsDir' 1
        New-Item -ItemType Directory -Path $SettingsDir | Out-Null
        $untrusted = @()
    }
    Invoke-Native 'icacls.exe' @($SettingsDir, '/inheritance:r', '/grant:r', "*${SystemSid}:(OI)(CI)F", "*${AdminsSid}:(OI)(CI)F", "*${KioskSid}:(OI)(CI)RX") -Check | Out-Null
    foreach ($f in ($untrusted | Where-Object { $_ -ne $SettingsDir } | Sort-Object -Descending)) {
        if (Test-Path -LiteralPath $f) { Write-Step "deleted (was owned by a non-administrator): $f"; Remove-Item -LiteralPath $f -Recurse -Force }
    }
    $import = Join-Path $SettingsDir 'directory-password.txt'
    # The one-time AD password file: the kiosk reads it once, encrypts it with DPAPI and deletes it (local mode).
    if (Test-Path -LiteralPath $import) { Invoke-Native 'icacls.exe' @($import, '/inheritance:r', '/grant:r', "*${SystemSid}:F", "*${AdminsSid}:F", "*${KioskSid}:M") -Check | Out-Null }
}

function Test-SettingsDir {
    $problems = @()
    foreach ($item in @(@(Get-Item -LiteralPath $SettingsDir) + @(Get-ChildItem -LiteralPath $SettingsDir -Recurse -Force))) {
        if ($TrustedOwners -notcontains (Get-OwnerSid $item.FullName)) { $problems += "owner of $($item.FullName)" }
        if ($item.Name -eq 'directory-password.txt') { continue } # kiosk: modify (it deletes it after the import)
        $w = @(Get-ForeignWriters $item.FullName)
        if ($w.Count) { $problems += "$($item.FullName) is writable by $($w -join ', ')" }
    }
    return $problems
}

function Write-JsonFile([string] $Path, $Object) {
    # UTF-8 without BOM: Windows PowerShell's "-Encoding UTF8" writes one, and JSON.parse rejects it.
    Write-FileBytes $Path ((New-Object Text.UTF8Encoding $false).GetBytes(($Object | ConvertTo-Json -Depth 5)))
}

# kiosk.json: from the parameters, or an administrator's (or GPO's) trusted file, checked; never a guess.
function Write-KioskSettings($K) {
    $settings = Join-Path $SettingsDir 'kiosk.json'
    if ($K.CentralUrl) {
        Copy-Item -LiteralPath $K.CaFile -Destination (Join-Path $SettingsDir 'ca.pem') -Force
        $s = [ordered]@{ mode = 'central'; centralUrl = $K.CentralUrl; caFile = (Join-Path $SettingsDir 'ca.pem') }
    } elseif ($K.ConfigFile) {
        Copy-Item -LiteralPath $K.ConfigFile -Destination (Join-Path $SettingsDir 'config.json') -Force
        $s = [ordered]@{ mode = 'local'; configFile = (Join-Path $SettingsDir 'config.json') }
    } else {
        if (-not (Test-Path -LiteralPath $settings)) { throw "no kiosk settings: give -CentralUrl and -CaFile (or -LocalMode -ConfigFile), or put kiosk.json in $SettingsDir first" }
        $old = (Get-Content -LiteralPath $settings -Raw) | ConvertFrom-Json
        $s = [ordered]@{}
        foreach ($p in $old.PSObject.Properties) { $s[$p.Name] = $p.Value }
    }
    $mode = 'local'
    if ($s.Contains('mode')) { $mode = [string]$s['mode'] }
    if ($mode -eq 'central') {
        if ([string]$s['centralUrl'] -notmatch '^https://') { throw 'kiosk.json: central mode needs an https:// centralUrl' }
        $ca = [string]$s['caFile']
        if (-not $ca.StartsWith($SettingsDir + '\', [StringComparison]::OrdinalIgnoreCase) -or -not (Test-Path -LiteralPath $ca)) { throw "kiosk.json: caFile must be a file in $SettingsDir (admin-owned)" }
    } elseif (-not $K.LocalMode) { throw 'kiosk.json asks for local mode: pass -LocalMode to accept its risks (docs/windows-kiosk.md)' }
    if ($mode -ne 'central' -and $s.Contains('configFile') -and -not ([string]$s['configFile']).StartsWith($SettingsDir + '\', [StringComparison]::OrdinalIgnoreCase)) { throw "kiosk.json: configFile must be in $SettingsDir" }
    $s['logoffOnExit'] = $true
    $s['kioskAccount'] = $K.AccountName
    Write-JsonFile $settings $s
}

# The scripts outside the install folder: NSIS deletes $INSTDIR right after uninstall, and a failed uninstall must
# be re-runnable from somewhere admin-owned.
function Copy-SetupScripts {
    if (-not (Test-Path -LiteralPath $SetupCopyDir)) { New-Item -ItemType Directory -Path $SetupCopyDir | Out-Null }
    if ((Split-Path $PSCommandPath) -eq $SetupCopyDir) { return }
    foreach ($f in @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.ps1')) { Copy-Item -LiteralPath $f.FullName -Destination (Join-Path $SetupCopyDir $f.Name) -Force }
}
