# The end-to-end test files' shared start: the fake machine, its expectations, the Registry.pol reader, and Case —
# one named case on a fresh world, skipped unless its name matches the file's -Only parameter (dynamic scope).
. ([IO.Path]::Combine($PSScriptRoot, 'harness.ps1'))
. ([IO.Path]::Combine($PSScriptRoot, 'expect.ps1'))
. ([IO.Path]::Combine($ScriptsDir, 'registry-pol.ps1'))
function Case([string] $Name, [scriptblock] $Body) {
    if ($Only -and $Name -notlike "*$Only*") { return }
    Write-Host "case: $Name"
    New-World
    & $Body
}
