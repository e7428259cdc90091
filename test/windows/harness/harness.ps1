# Loads the fake machine and runs the real resources/windows scripts against it (dot-sourced by the test files).
$ErrorActionPreference = 'Stop'
$Root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path
$ScriptsDir = [IO.Path]::Combine($Root, 'resources', 'windows')
if ($env:RK_SCRIPTS_DIR) { $ScriptsDir = $env:RK_SCRIPTS_DIR } # a planted bug in a copy: the tests must catch it
if ([Environment]::GetFolderPath('CommonApplicationData') -ne '/usr/share') { throw 'harness: CommonApplicationData is not /usr/share on this machine; ConvertTo-FakePath must learn it' }
foreach ($f in 'world', 'fake-lsa', 'fake-items', 'fake-encoding', 'fake-accounts', 'fake-system', 'fake-kiosk', 'fake-logon') { . ([IO.Path]::Combine($PSScriptRoot, "$f.ps1")) }
$env:SystemRoot = 'C:\Windows'
$env:TEMP = 'C:\Windows\Temp'
$ProductKeyPath = 'HKLM\SOFTWARE\Wachtwoord vergeten'
$script:Outputs = [System.Collections.Generic.List[string]]::new()
$script:Failures = [System.Collections.Generic.List[string]]::new()

# Runs install.ps1/uninstall.ps1 as powershell.exe -File would: its exit code, and everything it printed.
function Invoke-Kiosk([string] $Script, [hashtable] $Params = @{}, [int] $FailAt = 0) {
    $global:W.Calls = 0; $global:W.FailAt = $FailAt; $global:W.Failed = $null; $global:W.Log.Clear()
    $global:LASTEXITCODE = 0
    $code = $null
    try {
        $out = @(& ([IO.Path]::Combine($ScriptsDir, $Script)) @Params *>&1 | ForEach-Object { "$_" })
        $code = $global:LASTEXITCODE
    } catch { $out = @("UNCAUGHT: $($_.Exception.Message)"); $code = 'uncaught' }
    $global:W.FailAt = 0
    $text = $out -join "`n"
    $script:Outputs.Add($text)
    Test-NoSecretLeak $text
    return @{ Exit = $code; Output = $text; Calls = $global:W.Calls; Failed = $global:W.Failed }
}

# The kiosk password may be only in the account and the LSA secret: not in any output, file or registry value.
function Test-NoSecretLeak([string] $Output) {
    $secrets = @(@($global:W.Users.Values | ForEach-Object { $_.Password }) + @([WachtwoordVergeten.Lsa]::Secrets.Values) | Where-Object { $_ -and $_ -ne 'Initial-Password-1' } | Select-Object -Unique)
    foreach ($i in $global:W.Items.Values) {
        $texts = @([Text.Encoding]::UTF8.GetString([byte[]]$i.Bytes), [Text.Encoding]::Unicode.GetString([byte[]]$i.Bytes)) + @($i.Values.Values | ForEach-Object { "$($_.Data)" })
        foreach ($pw in $secrets) { foreach ($t in $texts) { if ($t.Contains($pw)) { $script:Failures.Add("the password is stored in $($i.Path)"); Write-Host "  FAIL: password in $($i.Path)" } } }
    }
    foreach ($pw in $secrets) { if ($Output.Contains($pw)) { $script:Failures.Add('the password was printed'); Write-Host '  FAIL: the password was printed' } }
}

function Test-That([bool] $Ok, [string] $What) {
    if ($Ok) { return }
    $script:Failures.Add($What)
    Write-Host "  FAIL: $What"
}
function Test-Equal($Expected, $Actual, [string] $What) {
    if ("$Expected" -eq "$Actual") { return }
    $script:Failures.Add("$What`n    expected: $Expected`n    actual:   $Actual")
    Write-Host "  FAIL: $What (expected '$Expected', got '$Actual')"
}
# Line-by-line difference of two snapshots, for a readable failure.
function Test-SameWorld([string] $Expected, [string] $Actual, [string] $What) {
    if ($Expected -eq $Actual) { return }
    $e = $Expected -split "`n"; $a = $Actual -split "`n"
    $diff = @(Compare-Object $e $a | Select-Object -First 12 | ForEach-Object { "    $($_.SideIndicator) $($_.InputObject.Trim())" })
    if (-not $diff.Count) { $n = 0; while ($e[$n] -eq $a[$n]) { $n++ }; $diff = @("    same lines, other order; first difference at line ${n}: $($e[$n].Trim()) / $($a[$n].Trim())") }
    $script:Failures.Add("$What`n$($diff -join "`n")")
    Write-Host "  FAIL: $What`n$($diff -join "`n")"
}

function Get-ProductValue([string] $Name) { $k = $global:W.Items[$ProductKeyPath.ToLowerInvariant()]; if ($k -and $k.Values.Contains($Name)) { return $k.Values[$Name].Data }; return $null }
function Get-KioskUsers { return @($global:W.Users.Values | Where-Object { $_.FullName -in 'Wachtwoord vergeten', 'Kiosk-systeemaccount' -or $_.Name -like 'wwv-*' }) }
function Get-FileText([string] $Path) { $i = $global:W.Items[$Path.ToLowerInvariant()]; if (-not $i) { return $null }; return [Text.Encoding]::UTF8.GetString([byte[]]$i.Bytes) }
# Fail closed: no kiosk account may sign in (or the tile may use it) unless the setup finished.
function Test-Closed([string] $What) {
    foreach ($u in Get-KioskUsers) { Test-That (-not $u.Enabled) "$What`: kiosk account $($u.Name) is enabled" }
    Test-That ((Get-ProductValue 'Ready') -ne 1) "$What`: Ready is 1"
}
# Names of install.ps1's steps (from its syntax tree), to prove a failure was injected into each of them.
function Get-StepNames([string] $Script) {
    $ast = [System.Management.Automation.Language.Parser]::ParseFile([IO.Path]::Combine($ScriptsDir, $Script), [ref]$null, [ref]$null)
    return @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Step' }, $true) | ForEach-Object { $_.CommandElements[1].Value })
}
$CentralParams = @{ AppExe = $AppExePath; CentralUrl = 'https://reset.zorg.example'; CaFile = 'C:\Users\admin\ca.pem' }
