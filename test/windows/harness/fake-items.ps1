# Registry and file system cmdlets over $global:W.Items (one tree: HKLM\..., HKU\..., C:\...), plus takeown/icacls and
# Get-Acl over the fake owners and ACLs. Paths starting with "/" are this test machine's real files (the scripts
# themselves): dot-sourcing and copying them works as usual.
$RightsMask = @{ F = 0x1F01FF; M = 0x1301BF; RX = 0x1200A9; R = 0x120089; W = 0x100116; GA = 0x10000000; GR = 0x80000000 }

function ConvertTo-FakePath([string] $P) {
    if ($P -like '/usr/share*') { $P = 'C:\ProgramData' + $P.Substring(10) } # CommonApplicationData as .NET names it on Linux
    $P = $P -replace '/', '\' -replace '^Registry::HKEY_LOCAL_MACHINE', 'HKLM' -replace '^Registry::HKEY_USERS', 'HKU' -replace '^(HKLM|HKU):', '$1'
    return $P.TrimEnd('\')
}
function Test-RealPath([string] $P) { return $P.StartsWith('/') -and -not $P.StartsWith('/usr/share') }
function Get-FakeItem([string] $P) { return $global:W.Items[(ConvertTo-FakePath $P).ToLowerInvariant()] }
function Get-FakeParentPath([string] $Norm) { $i = $Norm.LastIndexOf('\'); if ($i -lt 0) { return $null }; return $Norm.Substring(0, $i) }
function Get-FakeChildren([string] $Norm, [switch] $Recurse) {
    $prefix = $Norm.ToLowerInvariant() + '\'
    return @($global:W.Items.Keys | Where-Object { $_.StartsWith($prefix) -and ($Recurse -or $_.IndexOf('\', $prefix.Length) -lt 0) } | Sort-Object | ForEach-Object { $global:W.Items[$_] })
}
function Assert-Writable([string] $Norm) {
    if (-not $global:W.Elevated -and $Norm -like 'HKLM*') { throw "Requested registry access is not allowed: $Norm" }
}
function Add-FakeItem([string] $P, [string] $Kind, [switch] $Force) {
    $norm = ConvertTo-FakePath $P
    Assert-Writable $norm
    $parent = Get-FakeParentPath $norm
    if ($parent -and -not $global:W.Items.ContainsKey($parent.ToLowerInvariant())) {
        if (-not $Force) { throw "Could not find a part of the path '$parent'" }
        Add-FakeItem $parent $(if ($Kind -eq 'Key') { 'Key' } else { 'Dir' }) -Force | Out-Null
    }
    if (-not $global:W.Items.ContainsKey($norm.ToLowerInvariant())) { New-FakeItem $norm $Kind $global:W.Actor }
    return $global:W.Items[$norm.ToLowerInvariant()]
}
function ConvertTo-ItemObject($I) {
    $name = $I.Path.Substring($I.Path.LastIndexOf('\') + 1)
    $o = [pscustomobject]@{ FullName = $I.Path; Name = $name; PSPath = $I.Path; Length = $I.Bytes.Length; PSIsContainer = ($I.Kind -ne 'File')
        ValueCount = $I.Values.Count; SubKeyCount = @(Get-FakeChildren $I.Path).Count; Property = @($I.Values.Keys) }
    $o | Add-Member ScriptMethod GetValueNames { return @($this.Property) }
    return $o
}

function global:Join-Path([Parameter(Position = 0)] [string] $Path, [Parameter(Position = 1)] [string] $ChildPath) {
    if (Test-RealPath $Path) { return [IO.Path]::Combine($Path, $ChildPath) }
    return (ConvertTo-FakePath $Path) + '\' + $ChildPath.TrimStart('\')
}
function global:Split-Path([Parameter(Position = 0)] [string] $Path, [switch] $Leaf, [switch] $Parent) {
    if (Test-RealPath $Path) { if ($Leaf) { return [IO.Path]::GetFileName($Path) }; return [IO.Path]::GetDirectoryName($Path) }
    $p = $Path.TrimEnd('\')
    if ($Leaf) { return $p.Substring($p.LastIndexOf('\') + 1) }
    return $p.Substring(0, $p.LastIndexOf('\'))
}
function global:Test-Path { [CmdletBinding()] param([Alias('LiteralPath')] [Parameter(Position = 0)] [string] $Path)
    if (Test-RealPath $Path) { return Microsoft.PowerShell.Management\Test-Path -LiteralPath $Path }
    Assert-NotInjected 'Test-Path' $Path
    return $null -ne (Get-FakeItem $Path)
}
function global:New-Item { [CmdletBinding()] param([Parameter(Position = 0)] [string] $Path, [string] $ItemType, [switch] $Force)
    Assert-NotInjected 'New-Item' $Path
    $norm = ConvertTo-FakePath $Path
    $kind = 'Key'
    if ($norm -notmatch '^HK') { $kind = $(if ($ItemType -eq 'Directory') { 'Dir' } else { 'File' }) }
    if ((Get-FakeItem $norm) -and -not $Force) { throw "An item with the specified name $norm already exists." }
    return ConvertTo-ItemObject (Add-FakeItem $norm $kind -Force:$Force)
}
function global:Get-Item { [CmdletBinding()] param([Alias('LiteralPath')] [Parameter(Position = 0)] [string] $Path)
    Assert-NotInjected 'Get-Item' $Path
    $i = Get-FakeItem $Path
    if (-not $i) { throw "Cannot find path '$Path' because it does not exist." }
    return ConvertTo-ItemObject $i
}
function global:Get-ChildItem { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, [switch] $Recurse, [switch] $Force, [string] $Filter)
    if (Test-RealPath $LiteralPath) { return Microsoft.PowerShell.Management\Get-ChildItem -LiteralPath $LiteralPath -Filter $Filter -Recurse:$Recurse }
    Assert-NotInjected 'Get-ChildItem' $LiteralPath
    if (-not (Get-FakeItem $LiteralPath)) { throw "Cannot find path '$LiteralPath'" }
    return @(Get-FakeChildren (ConvertTo-FakePath $LiteralPath) -Recurse:$Recurse | Where-Object { -not $Filter -or $_.Path -like "*\$Filter" } | ForEach-Object { ConvertTo-ItemObject $_ })
}
function global:Remove-Item { [CmdletBinding()] param([Alias('LiteralPath')] [Parameter(Position = 0)] [string] $Path, [switch] $Recurse, [switch] $Force)
    Assert-NotInjected 'Remove-Item' $Path
    $norm = ConvertTo-FakePath $Path
    Assert-Writable $norm
    if (-not (Get-FakeItem $norm)) { throw "Cannot find path '$Path'" }
    $children = @(Get-FakeChildren $norm -Recurse)
    if ($children.Count -and -not $Recurse) { throw "$Path has children and -Recurse was not given" }
    foreach ($c in $children) { $global:W.Items.Remove($c.Path.ToLowerInvariant()) }
    $global:W.Items.Remove($norm.ToLowerInvariant())
}
function global:Get-ItemProperty { [CmdletBinding()] param([string] $Path, [string] $Name)
    Assert-NotInjected 'Get-ItemProperty' "$Path $Name"
    $i = Get-FakeItem $Path
    if (-not $i -or -not $i.Values.Contains($Name)) { Write-Error "Property $Name does not exist at path $Path."; return }
    return [pscustomobject]@{ $Name = $i.Values[$Name].Data }
}
function global:Set-ItemProperty { [CmdletBinding()] param([string] $Path, [string] $Name, $Value, [string] $Type = 'String')
    if (Enter-Fake 'Set-ItemProperty' "$Path $Name") { throw "injected failure in Set-ItemProperty $Path $Name" }
    $norm = ConvertTo-FakePath $Path
    Assert-Writable $norm
    $i = Get-FakeItem $norm
    if (-not $i) { throw "Cannot find path '$Path'" }
    if ($Type -eq 'MultiString') { $Value = [string[]]@($Value) } elseif ($Type -eq 'DWord') { $Value = [int]$Value } else { $Value = [string]$Value }
    $i.Values[$Name] = @{ Type = $Type; Data = $Value }
}
function global:Remove-ItemProperty { [CmdletBinding()] param([string] $Path, [string] $Name)
    Assert-NotInjected 'Remove-ItemProperty' "$Path $Name"
    Assert-Writable (ConvertTo-FakePath $Path)
    $i = Get-FakeItem $Path
    if (-not $i -or -not $i.Values.Contains($Name)) { throw "Property $Name does not exist at path $Path." }
    $i.Values.Remove($Name)
}
function global:Get-Content { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, [switch] $Raw, [string] $Encoding)
    Assert-NotInjected 'Get-Content' $LiteralPath
    $i = Get-FakeItem $LiteralPath
    if (-not $i -or $i.Kind -ne 'File') { throw "Cannot find path '$LiteralPath'" }
    if ($Encoding -eq 'Byte') { return , [byte[]]$i.Bytes }
    $text = [Text.Encoding]::UTF8.GetString([byte[]]$i.Bytes)
    if ($Raw) { return $text }
    return $text -split "`r?`n"
}
function global:Set-Content { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, $Value, [string] $Encoding)
    Assert-NotInjected 'Set-Content' $LiteralPath
    if ($Encoding -ne 'Byte') { throw 'the scripts write bytes only (Write-FileBytes): no encoding surprises between 5.1 and 7' }
    $i = Add-FakeItem $LiteralPath 'File'
    $i.Bytes = [byte[]]$Value
}
function global:Copy-Item { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, [string] $Destination, [switch] $Force)
    Assert-NotInjected 'Copy-Item' "$LiteralPath -> $Destination"
    $bytes = $(if (Test-RealPath $LiteralPath) { [IO.File]::ReadAllBytes($LiteralPath) } else { (Get-FakeItem $LiteralPath).Bytes })
    $dest = Get-FakeItem $Destination
    if ($dest -and $dest.Kind -eq 'Dir') { $Destination = "$Destination\" + (Split-Path $LiteralPath -Leaf) }
    (Add-FakeItem $Destination 'File').Bytes = [byte[]]$bytes
}

function Get-EffectiveAcl($I) {
    $acl = @($I.Acl)
    $parent = Get-FakeParentPath $I.Path
    if (-not $I.Protected -and $parent -and $global:W.Items.ContainsKey($parent.ToLowerInvariant())) { $acl += @(Get-EffectiveAcl $global:W.Items[$parent.ToLowerInvariant()] | Where-Object { $_.Inherit }) }
    return $acl
}
function global:Get-Acl { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath)
    Assert-NotInjected 'Get-Acl' $LiteralPath
    $i = Get-FakeItem $LiteralPath
    if (-not $i -or $i.Unreadable) { throw "Attempted to perform an unauthorized operation: $LiteralPath" }
    $acl = New-Object FakeWindows.Acl
    $acl.Owner = $i.Owner
    $acl.Rules = @(Get-EffectiveAcl $i | ForEach-Object { $r = New-Object FakeWindows.Rule; $r.IdentityReference = New-Object FakeWindows.Sid $_.Sid; $r.FileSystemRights = $RightsMask[$_.Rights]; $r })
    return $acl
}

# takeown /F <dir> /A /R: owner Administrators, recursively (a folder flagged Unreadable is skipped, as takeown
# skips a folder it may not list when nobody answers its question).
function global:takeown.exe {
    if (Enter-Fake 'takeown.exe' ($args -join ' ')) { Write-Error 'ERROR: injected'; $global:LASTEXITCODE = 1; return }
    $root = ConvertTo-FakePath $args[1]
    foreach ($i in @(@(Get-FakeItem $root) + @(Get-FakeChildren $root -Recurse))) { if ($i -and -not $i.Unreadable) { $i.Owner = $Admins } }
    $global:LASTEXITCODE = 0
}
# icacls <path> [/setowner *SID] [/reset] [/inheritance:r] [/grant:r *SID:(OI)(CI)F ...] [/T] [/C] [/Q]
function global:icacls.exe {
    if (Enter-Fake 'icacls.exe' ($args -join ' ')) { Write-Error 'injected: Access is denied.'; $global:LASTEXITCODE = 5; return }
    $a = @($args)
    $root = Get-FakeItem $a[0]
    if (-not $root) { Write-Error "$($a[0]): The system cannot find the file specified."; $global:LASTEXITCODE = 2; return }
    $targets = @($root)
    if ($a -contains '/T') { $targets += @(Get-FakeChildren $root.Path -Recurse) }
    for ($n = 1; $n -lt $a.Count; $n++) {
        switch -Regex ($a[$n]) {
            '^/setowner$' { $n++; foreach ($t in $targets) { $t.Owner = $a[$n].TrimStart('*') } }
            '^/reset$' { foreach ($t in $targets) { $t.Acl = @(); $t.Protected = $false } }
            '^/inheritance:r$' { $root.Protected = $true }
            '^\*S-[\d-]+:' {
                $sid, $perm = $a[$n].TrimStart('*') -split ':', 2
                $root.Acl = @($root.Acl | Where-Object { $_.Sid -ne $sid }) + @{ Sid = $sid; Rights = ($perm -replace '\(\w+\)', ''); Inherit = ($perm -match '\((OI|CI)\)') }
            }
        }
    }
    $global:LASTEXITCODE = 0
}
