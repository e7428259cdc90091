# Only admin-writable code is registered (the tile DLL LogonUI loads as SYSTEM) or allow-listed (the kiosk exe
# AppLocker and Shell Launcher start). install.ps1 refuses an -AppExe/-TileDll outside %ProgramFiles%, or where the
# file or any folder above it, up to and including %ProgramFiles%, may be changed by anyone but SYSTEM,
# Administrators and TrustedInstaller (owner, or an allow rule with a write, create, delete or change-permissions
# right). The tile DLL makes the same check of its own folder whenever LogonUI sets it up (folder_check.h).
# Rights as settings.ps1's $WriteMask: WriteData|AppendData|WriteEA|DeleteChild|WriteAttributes|Delete|WriteDAC|
# WriteOwner|GENERIC_WRITE|GENERIC_ALL.
$CodeWriteMask = 0x500D0156

# %ProgramFiles% of the 64-bit view (install.ps1 runs in 64-bit PowerShell through Sysnative): ProgramFilesDir under
# CurrentVersion, where Windows keeps the folder it sets %ProgramFiles% from (a registry fact, not a documented API;
# checklist item 2a shows it on a real PC), not the environment a caller could set.
function Get-ProgramFilesDir {
    $dir = [string](Get-RegValue 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion' 'ProgramFilesDir')
    if ($dir -notmatch '^[A-Za-z]:\\[^\\]') { throw "ProgramFilesDir is not a folder path: '$dir'" }
    return $dir.TrimEnd('\')
}

# Principals other than SYSTEM/Administrators/TrustedInstaller that may change $Path itself (inherit-only rules
# apply to what is created inside, not to the item: they do not count here).
function Get-CodeWriters([string] $Path) {
    $acl = Get-Acl -LiteralPath $Path
    $who = @()
    $owner = $acl.GetOwner([System.Security.Principal.SecurityIdentifier]).Value
    if ($TrustedOwners -notcontains $owner) { $who += "owner $owner" }
    foreach ($r in @($acl.GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]))) {
        $inheritOnly = $r.PSObject.Properties['PropagationFlags'] -and ("$($r.PropagationFlags)" -match 'InheritOnly')
        if ($r.AccessControlType -ne 'Allow' -or $inheritOnly -or -not ([int64]$r.FileSystemRights -band $CodeWriteMask)) { continue }
        if ($TrustedOwners -notcontains $r.IdentityReference.Value) { $who += $r.IdentityReference.Value }
    }
    return @($who | Select-Object -Unique)
}

# Throws (before install.ps1 changes anything) unless $Path is an existing file under %ProgramFiles% that only
# SYSTEM, Administrators and TrustedInstaller can change, together with every folder up to %ProgramFiles%.
function Assert-TrustedCodePath([string] $Path, [string] $What) {
    $root = Get-ProgramFilesDir
    if ($Path -notmatch '^[A-Za-z]:\\' -or $Path -match '\\\.\.?(\\|$)' -or -not $Path.StartsWith($root + '\', [StringComparison]::OrdinalIgnoreCase)) {
        throw "$What must be a file under $root (admin-only), not '$Path'"
    }
    if (-not (Test-Path -LiteralPath $Path)) { throw "not found: $Path" }
    $item = $Path
    while ($true) {
        $w = @(Get-CodeWriters $item)
        if ($w.Count) { throw "$What '$Path' is not admin-only: $item can be changed by $($w -join ', ')" }
        if ($item.Length -le $root.Length) { return }
        $item = Split-Path $item
    }
}
