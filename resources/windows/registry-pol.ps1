# Registry.pol writer and reader: Microsoft "Registry Policy File Format" (learn.microsoft.com, previous-versions/
# windows/desktop/Policy/registry-policy-file-format) and [MS-GPREG] 2.2.1. The file is a header of two
# little-endian DWORDs, REGFILE_SIGNATURE 0x67655250 ("PReg") and REGISTRY_FILE_VERSION 1, then one record per
# value: [key;value;type;size;data] where the brackets and semicolons are UTF-16LE characters, key and value are
# UTF-16LE and NUL-terminated, type and size are little-endian DWORDs and data is `size` raw bytes.
# An entry: @{ Key = 'Software\...'; Name = 'Value'; Type = 'DWord'|'String'|'ExpandString'|'MultiString'; Value = ... }
# Name '**delvals.' (type String, value ' ') tells the client to delete every value of the key first.
$PolSignature = [uint32]0x67655250
$PolVersion = [uint32]1
$PolTypes = @{ String = 1; ExpandString = 2; DWord = 4; MultiString = 7 } # REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ

function ConvertTo-PolData($Entry) {
    $u = [Text.Encoding]::Unicode
    switch ($Entry.Type) {
        'DWord' { return [BitConverter]::GetBytes([uint32]$Entry.Value) } # little-endian on every Windows CPU
        'MultiString' { return $u.GetBytes(((@($Entry.Value) | ForEach-Object { "$_`0" }) -join '') + "`0") }
        default { return $u.GetBytes([string]$Entry.Value + "`0") }
    }
}

function ConvertTo-RegistryPol([object[]] $Entries) {
    $u = [Text.Encoding]::Unicode
    $ms = New-Object IO.MemoryStream
    $w = New-Object IO.BinaryWriter $ms
    $w.Write($PolSignature)
    $w.Write($PolVersion)
    foreach ($e in $Entries) {
        if (-not $PolTypes.ContainsKey([string]$e.Type)) { throw "Registry.pol: unsupported type $($e.Type)" }
        $data = [byte[]](ConvertTo-PolData $e)
        $w.Write($u.GetBytes('[' + $e.Key + "`0;" + $e.Name + "`0;"))
        $w.Write([uint32]$PolTypes[[string]$e.Type])
        $w.Write($u.GetBytes(';'))
        $w.Write([uint32]$data.Length)
        $w.Write($u.GetBytes(';'))
        $w.Write($data)
        $w.Write($u.GetBytes(']'))
    }
    $w.Flush()
    return , $ms.ToArray()
}

# Reader (install.ps1 reads the written file back before it enables the account). $P.At is the byte offset.
function Read-PolChar([byte[]] $B, $P, [string] $Char) {
    if ($P.At + 2 -gt $B.Length -or [Text.Encoding]::Unicode.GetString($B, $P.At, 2) -ne $Char) { throw "Registry.pol: '$Char' expected at byte $($P.At)" }
    $P.At += 2
}
function Read-PolString([byte[]] $B, $P) {
    # Decoded from here to the end (one UTF-16 unit per character), the NUL ends the string.
    $rest = [Text.Encoding]::Unicode.GetString($B, $P.At, $B.Length - $P.At)
    $n = $rest.IndexOf([char]0)
    if ($n -lt 0) { throw 'Registry.pol: unterminated string' }
    $P.At += 2 * $n + 2
    return $rest.Substring(0, $n)
}
function Read-PolDword([byte[]] $B, $P) {
    if ($P.At + 4 -gt $B.Length) { throw 'Registry.pol: truncated' }
    $v = [BitConverter]::ToUInt32($B, $P.At)
    $P.At += 4
    return $v
}

function ConvertFrom-RegistryPol([byte[]] $Bytes) {
    if ($Bytes.Length -lt 8 -or [BitConverter]::ToUInt32($Bytes, 0) -ne $PolSignature -or [BitConverter]::ToUInt32($Bytes, 4) -ne $PolVersion) { throw 'Registry.pol: bad header' }
    $typeNames = @{}
    foreach ($k in $PolTypes.Keys) { $typeNames[[uint32]$PolTypes[$k]] = $k }
    $u = [Text.Encoding]::Unicode
    $p = @{ At = 8 }
    $entries = @()
    while ($p.At -lt $Bytes.Length) {
        Read-PolChar $Bytes $p '['
        $key = Read-PolString $Bytes $p
        Read-PolChar $Bytes $p ';'
        $name = Read-PolString $Bytes $p
        Read-PolChar $Bytes $p ';'
        $type = Read-PolDword $Bytes $p
        Read-PolChar $Bytes $p ';'
        $size = [int](Read-PolDword $Bytes $p)
        Read-PolChar $Bytes $p ';'
        if ($p.At + $size -gt $Bytes.Length) { throw 'Registry.pol: data runs past the end' }
        $typeName = $typeNames[$type]
        if (-not $typeName) { throw "Registry.pol: unsupported type $type" }
        if ($typeName -eq 'DWord') {
            if ($size -ne 4) { throw 'Registry.pol: a DWORD is 4 bytes' }
            $value = [BitConverter]::ToUInt32($Bytes, $p.At)
        } elseif ($typeName -eq 'MultiString') {
            $value = @($u.GetString($Bytes, $p.At, $size).TrimEnd([char]0) -split "`0")
        } else {
            $value = $u.GetString($Bytes, $p.At, $size).TrimEnd([char]0)
        }
        $p.At += $size
        Read-PolChar $Bytes $p ']'
        $entries += [pscustomobject]@{ Key = $key; Name = $name; Type = $typeName; Value = $value }
    }
    return $entries
}
