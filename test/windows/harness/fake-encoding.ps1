# Get-Content and Set-Content with Windows PowerShell 5.1's text encodings (replacing fake-items.ps1's), because the
# scripts run under powershell.exe 5.1 while these tests run under pwsh 7, whose defaults differ. From Microsoft's
# about_Character_Encoding (learn.microsoft.com/powershell/module/microsoft.powershell.core/about/
# about_character_encoding?view=powershell-5.1), "Character encoding in Windows PowerShell":
# - without -Encoding, Get-Content detects a BOM (UTF-8 EF BB BF, UTF-16LE FF FE, UTF-16BE FE FF) and otherwise reads
#   the file in the system's active ANSI code page ("Default"): here Windows-1252, as on a Dutch or English Windows;
#   so BOM-less UTF-8 "–" (E2 80 93) is read as the three characters "â€“";
# - Set-Content without -Encoding writes "Default" (ANSI; a character the code page lacks becomes "?");
# - "any Unicode encoding, except UTF7, always creates a BOM": -Encoding UTF8 writes EF BB BF first, Unicode FF FE;
# - -Encoding Byte reads and writes the raw bytes (what Write-FileBytes/Read-FileBytes use).
# Set-Content writes each string of -Value followed by a newline (CR LF on Windows).
$Ansi = [Text.Encoding]::GetEncoding(1252, [Text.EncoderFallback]::ReplacementFallback, [Text.DecoderFallback]::ReplacementFallback)

function Get-Ps51Encoding([string] $Name, [switch] $ForWriting) {
    switch ($Name) {
        { $_ -in '', 'Default', 'Oem', 'String', 'Unknown' } { return $Ansi }
        'UTF8' { return (New-Object Text.UTF8Encoding $true) }
        'Unicode' { return (New-Object Text.UnicodeEncoding $false, $true) }
        'BigEndianUnicode' { return (New-Object Text.UnicodeEncoding $true, $true) }
        'ASCII' { return [Text.Encoding]::ASCII }
        'UTF32' { return (New-Object Text.UTF32Encoding $false, $true) }
    }
    throw "Cannot bind parameter 'Encoding': '$Name' is not a Windows PowerShell 5.1 FileSystemCmdletProviderEncoding"
}

# The text 5.1's Get-Content sees in $Bytes: a BOM wins, else -Encoding, else ANSI.
function ConvertFrom-Ps51Bytes([byte[]] $Bytes, [string] $Encoding) {
    $boms = @(@{ Bom = [byte[]](0xEF, 0xBB, 0xBF); Enc = [Text.Encoding]::UTF8 }, @{ Bom = [byte[]](0xFF, 0xFE); Enc = [Text.Encoding]::Unicode }, @{ Bom = [byte[]](0xFE, 0xFF); Enc = [Text.Encoding]::BigEndianUnicode })
    foreach ($b in $boms) {
        if ($Bytes.Length -ge $b.Bom.Length -and [Linq.Enumerable]::SequenceEqual([byte[]]$Bytes[0..($b.Bom.Length - 1)], $b.Bom)) {
            return $b.Enc.GetString($Bytes, $b.Bom.Length, $Bytes.Length - $b.Bom.Length)
        }
    }
    return (Get-Ps51Encoding $Encoding).GetString($Bytes)
}
function ConvertTo-Ps51Bytes([string] $Text, [string] $Encoding) {
    $enc = Get-Ps51Encoding $Encoding
    return , [byte[]](@($enc.GetPreamble()) + @($enc.GetBytes($Text)))
}

function global:Get-Content { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, [switch] $Raw, [string] $Encoding)
    Assert-NotInjected 'Get-Content' $LiteralPath
    $i = Get-FakeItem $LiteralPath
    if (-not $i -or $i.Kind -ne 'File') { throw "Cannot find path '$LiteralPath'" }
    if ($Encoding -eq 'Byte') { return , [byte[]]$i.Bytes.Clone() } # a new array, as the cmdlet reads the file anew
    $text = ConvertFrom-Ps51Bytes ([byte[]]$i.Bytes) $Encoding
    if ($Raw) { return $text }
    return $text -split "`r?`n"
}
function global:Set-Content { [CmdletBinding()] param([Alias('Path')] [string] $LiteralPath, $Value, [string] $Encoding)
    Assert-NotInjected 'Set-Content' $LiteralPath
    $i = Add-FakeItem $LiteralPath 'File'
    if ($Encoding -eq 'Byte') { $i.Bytes = ([byte[]]$Value).Clone(); return }
    $i.Bytes = ConvertTo-Ps51Bytes ((@($Value) | ForEach-Object { "$_`r`n" }) -join '') $Encoding
}
