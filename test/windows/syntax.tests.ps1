# Every resources/windows/*.ps1 parses with PowerShell's own parser (0 errors) and uses only Windows PowerShell
# 5.1 syntax (the installer runs powershell.exe 5.1, not pwsh): no ternary, ??, ??=, ?. / ?[], && / ||, trailing
# & (background), clean blocks, ForEach-Object -Parallel, `u{} escapes, pwsh-only cmdlets or parameters; ASCII only
# (5.1 reads a file without BOM as ANSI). The checker proves itself on a sample that has each construct.
$ErrorActionPreference = 'Stop'
$scripts = [IO.Path]::Combine($PSScriptRoot, '..', '..', 'resources', 'windows')
$failures = 0
function Report([bool] $Ok, [string] $What) { if (-not $Ok) { $script:failures++; Write-Host "  FAIL: $What" } }

$Pwsh7Commands = @('Test-Json', 'Get-Error', 'Join-String', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-Uptime', 'Remove-Alias', 'Remove-Service', 'Start-ThreadJob', 'Clear-RecycleBin')
$Pwsh7Parameters = @{ 'ForEach-Object' = @('Parallel', 'ThrottleLimit', 'AsJob'); '%' = @('Parallel'); '*' = @('AsByteStream', 'SkipCertificateCheck', 'AsHashtable', 'AdditionalChildPath', 'LeafBase', 'NoProxy', 'SkipHttpErrorCheck') }

function Get-Ps7Syntax([System.Management.Automation.Language.Ast] $Ast) {
    $found = @()
    $nodes = $Ast.FindAll({ $true }, $true)
    foreach ($n in $nodes) {
        $t = $n.GetType().Name
        $line = $n.Extent.StartLineNumber
        if ($t -eq 'TernaryExpressionAst') { $found += "line ${line}: ternary ?:" }
        if ($t -eq 'PipelineChainAst') { $found += "line ${line}: && / || pipeline chain" }
        if ($t -eq 'BinaryExpressionAst' -and "$($n.Operator)" -eq 'QuestionQuestion') { $found += "line ${line}: ??" }
        if ($t -eq 'AssignmentStatementAst' -and "$($n.Operator)" -eq 'QuestionQuestionEquals') { $found += "line ${line}: ??=" }
        if (($t -eq 'MemberExpressionAst' -or $t -eq 'InvokeMemberExpressionAst' -or $t -eq 'IndexExpressionAst') -and $n.NullConditional) { $found += "line ${line}: ?. or ?[]" }
        if ($t -eq 'PipelineAst' -and $n.Background) { $found += "line ${line}: trailing & (background job)" }
        if ($t -eq 'ScriptBlockAst' -and $n.CleanBlock) { $found += "line ${line}: clean block" }
        if ($t -eq 'StringConstantExpressionAst' -or $t -eq 'ExpandableStringExpressionAst') { if ($n.Extent.Text -match '`u\{') { $found += "line ${line}: ``u{} escape" } }
        if ($t -eq 'CommandAst') {
            $name = $n.GetCommandName()
            if ($Pwsh7Commands -contains $name) { $found += "line ${line}: $name is not in Windows PowerShell 5.1" }
            foreach ($p in @($n.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })) {
                if (@($Pwsh7Parameters[[string]$name]) + $Pwsh7Parameters['*'] -contains $p.ParameterName) { $found += "line ${line}: $name -$($p.ParameterName) is not in 5.1" }
            }
        }
    }
    return $found
}

# The checker finds each construct it looks for.
$sample = @'
$a = $b ? 1 : 2
$c = $d ?? 3
$e ??= 4
$f = ${g}?.Length
$h = ${i}?[0]
git status && echo ok
Start-Sleep 1 &
1..3 | ForEach-Object -Parallel { $_ }
Get-Content x -AsByteStream
"`u{2713}"
Test-Json '{}'
function k { process { } clean { } }
'@
$errors = $null
$sampleAst = [System.Management.Automation.Language.Parser]::ParseInput($sample, [ref]$null, [ref]$errors)
Report (-not $errors.Count) "the sample parses under pwsh 7: $($errors -join '; ')"
$hits = @(Get-Ps7Syntax $sampleAst)
foreach ($l in 1..12) { Report (@($hits | Where-Object { $_ -like "line ${l}:*" }).Count -ge 1) "the checker misses sample line ${l}: $(($sample -split "`n")[$l - 1])" }

$files = @(Get-ChildItem -LiteralPath $scripts -Filter '*.ps1')
Report ($files.Count -ge 10) "scripts found: $($files.Count)"
foreach ($f in $files) {
    $errors = $null
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($f.FullName, [ref]$null, [ref]$errors)
    Report (-not $errors.Count) "$($f.Name) parses: $(@($errors | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Message)" }) -join '; ')"
    foreach ($h in @(Get-Ps7Syntax $ast)) { Report $false "$($f.Name) $h" }
    $bytes = [IO.File]::ReadAllBytes($f.FullName)
    Report (-not @($bytes | Where-Object { $_ -gt 126 -or ($_ -lt 32 -and $_ -notin 9, 10, 13) }).Count) "$($f.Name) is plain ASCII"
    Write-Host "$($f.Name): parsed, 5.1 syntax"
}
$nsh = [IO.File]::ReadAllBytes([IO.Path]::Combine($scripts, 'installer.nsh'))
Report (-not @($nsh | Where-Object { $_ -gt 126 }).Count) 'installer.nsh is plain ASCII'
Write-Host "$failures failure(s)"
exit [int]($failures -gt 0)
