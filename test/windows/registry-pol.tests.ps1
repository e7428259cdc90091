# resources/windows/registry-pol.ps1 against Microsoft's "Registry Policy File Format": expected bytes written out
# by hand from the format (header 'PReg' = 0x67655250 LE, version 1, then [key;value;type;size;data] in UTF-16LE
# with NUL-terminated key and value, LE DWORD type and size), a round trip of the real kiosk policy, and the
# reader refusing malformed files.
$ErrorActionPreference = 'Stop'
$scripts = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'resources', 'windows')
. ([IO.Path]::Combine($scripts, 'registry-pol.ps1'))
# lockdown.ps1 composes Windows paths at load time; on this Linux machine Join-Path knows no C: drive.
$env:SystemRoot = 'C:\Windows'
function Join-Path([string] $Path, [string] $ChildPath) { return "$Path\$ChildPath" }
. ([IO.Path]::Combine($scripts, 'lockdown.ps1'))
$failures = 0
function Report([bool] $Ok, [string] $What) { if (-not $Ok) { $script:failures++; Write-Host "  FAIL: $What" } else { Write-Host "ok: $What" } }
function Hex([byte[]] $B) { return (@($B | ForEach-Object { '{0:X2}' -f $_ }) -join ' ') }
function Bytes([string] $H) { return [byte[]]@($H -split '\s+' | Where-Object { $_ } | ForEach-Object { [Convert]::ToByte($_, 16) }) }

$header = '50 52 65 67 01 00 00 00'
# [ K \0 ; N \0 ;  <type>  ;  <size>  ; <data> ]
$k_n = '5B 00 4B 00 00 00 3B 00 4E 00 00 00 3B 00'
$cases = @(
    @{ What = 'an empty file is the header alone'; Entries = @(); Hex = $header },
    @{ What = 'REG_DWORD 1'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'DWord'; Value = 1 }); Hex = "$header $k_n 04 00 00 00 3B 00 04 00 00 00 3B 00 01 00 00 00 5D 00" },
    @{ What = 'REG_DWORD 0x01020304 little-endian'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'DWord'; Value = 0x01020304 }); Hex = "$header $k_n 04 00 00 00 3B 00 04 00 00 00 3B 00 04 03 02 01 5D 00" },
    @{ What = 'REG_SZ "v" (size counts the NUL)'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'String'; Value = 'v' }); Hex = "$header $k_n 01 00 00 00 3B 00 04 00 00 00 3B 00 76 00 00 00 5D 00" },
    @{ What = 'REG_SZ empty'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'String'; Value = '' }); Hex = "$header $k_n 01 00 00 00 3B 00 02 00 00 00 3B 00 00 00 5D 00" },
    @{ What = 'REG_EXPAND_SZ'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'ExpandString'; Value = '%a%' }); Hex = "$header $k_n 02 00 00 00 3B 00 08 00 00 00 3B 00 25 00 61 00 25 00 00 00 5D 00" },
    @{ What = 'REG_MULTI_SZ a,b (double NUL)'; Entries = @(@{ Key = 'K'; Name = 'N'; Type = 'MultiString'; Value = @('a', 'b') }); Hex = "$header $k_n 07 00 00 00 3B 00 0A 00 00 00 3B 00 61 00 00 00 62 00 00 00 00 00 5D 00" },
    @{ What = 'a key path with backslash, **delvals. and two records'; Entries = @(@{ Key = 'A\B'; Name = '**delvals.'; Type = 'String'; Value = ' ' }, @{ Key = 'A\B'; Name = '1'; Type = 'String'; Value = 'x' })
        Hex = "$header 5B 00 41 00 5C 00 42 00 00 00 3B 00 2A 00 2A 00 64 00 65 00 6C 00 76 00 61 00 6C 00 73 00 2E 00 00 00 3B 00 01 00 00 00 3B 00 04 00 00 00 3B 00 20 00 00 00 5D 00 5B 00 41 00 5C 00 42 00 00 00 3B 00 31 00 00 00 3B 00 01 00 00 00 3B 00 04 00 00 00 3B 00 78 00 00 00 5D 00" }
)
foreach ($c in $cases) {
    $got = Hex (ConvertTo-RegistryPol $c.Entries)
    Report ($got -eq (Hex (Bytes $c.Hex))) "$($c.What): $got"
    $back = @(ConvertFrom-RegistryPol (Bytes $c.Hex))
    Report ($back.Count -eq $c.Entries.Count) "$($c.What): read back $($back.Count) record(s)"
    for ($i = 0; $i -lt $back.Count; $i++) {
        $e = $c.Entries[$i]
        Report ($back[$i].Key -eq $e.Key -and $back[$i].Name -eq $e.Name -and $back[$i].Type -eq $e.Type -and (@($back[$i].Value) -join '|') -eq (@($e.Value) -join '|')) "$($c.What): record $i read back"
    }
}

# The kiosk's real policy: a round trip, and every record's size is its data's length.
$entries = @(Get-KioskPolicyEntries 'C:\Program Files\Wachtwoord vergeten\WachtwoordVergeten.exe' 'UserPolicy')
$bytes = ConvertTo-RegistryPol $entries
$back = @(ConvertFrom-RegistryPol $bytes)
Report ($back.Count -eq $entries.Count -and $entries.Count -gt 60) "the kiosk policy round-trips ($($entries.Count) records, $($bytes.Length) bytes)"
$same = 0
for ($i = 0; $i -lt $back.Count; $i++) { if ($back[$i].Key -eq $entries[$i].Key -and $back[$i].Name -eq $entries[$i].Name -and "$($back[$i].Value)" -eq "$($entries[$i].Value)") { $same++ } }
Report ($same -eq $entries.Count) 'every kiosk policy record reads back unchanged'

# Malformed files are refused, never half-read.
$good = Bytes "$header $k_n 04 00 00 00 3B 00 04 00 00 00 3B 00 01 00 00 00 5D 00"
$bad = @{
    'bad signature' = Bytes "50 52 65 68 01 00 00 00"
    'bad version' = Bytes "50 52 65 67 02 00 00 00"
    'truncated data' = [byte[]]$good[0..($good.Length - 5)]
    'missing ]' = [byte[]]$good[0..($good.Length - 3)]
    'unknown type 3 (REG_BINARY is not written)' = Bytes "$header $k_n 03 00 00 00 3B 00 01 00 00 00 3B 00 01 5D 00"
    'size past the end' = Bytes "$header $k_n 04 00 00 00 3B 00 FF 00 00 00 3B 00 01 00 00 00 5D 00"
}
foreach ($name in $bad.Keys) {
    $threw = $false
    try { ConvertFrom-RegistryPol $bad[$name] | Out-Null } catch { $threw = $true }
    Report $threw "refuses: $name"
}
$threw = $false
try { ConvertTo-RegistryPol @(@{ Key = 'K'; Name = 'N'; Type = 'Binary'; Value = 1 }) | Out-Null } catch { $threw = $true }
Report $threw 'the writer refuses a type it does not know'
Write-Host "$failures failure(s)"
exit [int]($failures -gt 0)
