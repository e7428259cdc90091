# The settings folder as an admin (or a GPO) fills it, for the issue-23 test files: files written as UTF-8 bytes
# without a BOM, and kiosk.json read back.
$Dir = 'C:\ProgramData\Wachtwoord vergeten'
$Utf8 = New-Object Text.UTF8Encoding $false
function Add-AdminFile([string] $Path, [string] $Text) { (Add-FakeItem $Path 'File').Bytes = $Utf8.GetBytes($Text) }
function Get-Json { return (Get-FileText "$Dir\kiosk.json") | ConvertFrom-Json }
