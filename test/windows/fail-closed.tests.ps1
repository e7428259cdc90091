# Fail closed, proven by fault injection: a failure is injected into each OS operation of each step of install.ps1
# (the first call of every step/operation pair, and the last call of every step) and of uninstall.ps1. After each:
# - install: exit 1 with no enabled kiosk account and Ready not 1, or (a tolerated failure) exit 0 with exactly
#   the state of a clean install; then uninstall.ps1 brings back exactly the initial machine; and at the failing
#   call itself (as if the power went off there) no kiosk account is enabled and Ready is not 1 before step 'enable';
# - uninstall: exit 1 with every kiosk account disabled or gone, or exit 0 and the initial machine; then a second
#   uninstall.ps1 finishes and brings back exactly the initial machine.
# Every step of both scripts must have had a failure injected that made the script fail in that step.
param([switch] $EveryCall) # every single call instead of one per step/operation (slow: about 230 installs)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'harness.ps1'))

# Which calls to fail, from a reference run's log ("<n> [<step>] <operation> <detail>").
function Get-FaultTargets([string[]] $Log, [string[]] $Steps) {
    $first = [ordered]@{}; $last = [ordered]@{}
    foreach ($line in $Log) {
        if ($line -notmatch '^(\d+) \[([^\]]*)\] (\S+)') { continue }
        $n = [int]$Matches[1]; $step = $Matches[2]
        if ($Steps -and $Steps -notcontains $step) { continue }
        $pair = "$step|$($Matches[3])"
        if (-not $first.Contains($pair)) { $first[$pair] = $n }
        $last[$step] = $n
    }
    if ($EveryCall) { return @($Log | ForEach-Object { if ($_ -match '^(\d+) \[([^\]]*)\]' -and (-not $Steps -or $Steps -contains $Matches[2])) { [int]$Matches[1] } }) }
    return @(@($first.Values) + @($last.Values) | Sort-Object -Unique)
}
function Get-Normalized { $n = Get-ProductValue 'KioskAccount'; $s = Get-WorldSnapshot; if ($n) { $s = $s.Replace($n, '<kiosk>') }; return $s -replace 'Version=\d+', 'Version=n' }

$covered = @{ install = @{}; uninstall = @{} }
$stats = @{ runs = 0; failed = 0; tolerated = 0 }

# install.ps1, in four set-ups that between them reach every step.
$setups = @(
    @{ Name = 'Enterprise'; Prepare = {}; Params = $CentralParams; Steps = @() },
    @{ Name = 'restart pending'; Prepare = { $global:W.NeedsRestart = @('Client-EmbeddedShellLauncher') }; Params = $CentralParams; Steps = @('restart task') },
    @{ Name = 'Keyboard Filter'; Prepare = { $global:W.Features['Client-KeyboardFilter'] = 'Enabled' }; Params = ($CentralParams + @{ KeyboardFilter = $true }); Steps = @('keyboard filter') },
    @{ Name = 'local mode'; Prepare = { (Add-FakeItem 'C:\Users\admin\ad.txt' 'File').Bytes = [Text.Encoding]::UTF8.GetBytes('Svc-Wachtwoord-1') }
        Params = @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json'; DirectoryPasswordFile = 'C:\Users\admin\ad.txt' }; Steps = @('directory password') }
)
foreach ($s in $setups) {
    New-World; & $s.Prepare
    $initial = Get-WorldSnapshot
    $ref = Invoke-Kiosk 'install.ps1' $s.Params
    $goal = Get-Normalized
    $targets = Get-FaultTargets @($global:W.Log) $s.Steps
    Write-Host "install ($($s.Name)): reference exit $($ref.Exit), $($ref.Calls) calls; injecting $($targets.Count) failures"
    foreach ($n in $targets) {
        New-World; & $s.Prepare
        $r = Invoke-Kiosk 'install.ps1' $s.Params -FailAt $n
        $stats.runs++
        $at = $(if ($r.Failed) { "call $n ($($r.Failed.Name) in '$($r.Failed.Step)')" } else { "call $n (not reached)" })
        # A power cut instead of an error: before the last step nothing may be open either.
        if ($r.Failed -and $r.Failed.Step -ne 'enable') {
            Test-That (-not $r.Failed.EnabledAtCut.Count) "install, cut at ${at}: kiosk account $($r.Failed.EnabledAtCut -join ', ') was already enabled"
            Test-That (-not $r.Failed.ReadyAtCut) "install, cut at ${at}: Ready was already 1"
        }
        if ($r.Exit -eq $ref.Exit -and $r.Exit -ne 1) {
            $stats.tolerated++
            Test-SameWorld $goal (Get-Normalized) "install, failure at $at tolerated: the state must be a clean install's"
        } else {
            $stats.failed++
            Test-Equal 1 $r.Exit "install exit code, failure at $at`n$($r.Output)"
            Test-Closed "install, failure at $at"
            if ($r.Failed -and $r.Output -match "FAILED in step '$([regex]::Escape($r.Failed.Step))'") { $covered.install[$r.Failed.Step] = $true }
        }
        $u = Invoke-Kiosk 'uninstall.ps1'
        Test-Equal 0 $u.Exit "uninstall after a failure at $at`n$($u.Output)"
        Test-SameWorld $initial (Get-WorldSnapshot) "uninstall after a failure at $at = the initial machine"
    }
}

# uninstall.ps1, from one installed machine.
New-World
$initial = Get-WorldSnapshot
Invoke-Kiosk 'install.ps1' $CentralParams | Out-Null
$installed = Save-World
$ref = Invoke-Kiosk 'uninstall.ps1'
$targets = Get-FaultTargets @($global:W.Log) @()
Write-Host "uninstall: reference exit $($ref.Exit), $($ref.Calls) calls; injecting $($targets.Count) failures"
foreach ($n in $targets) {
    Restore-World $installed
    $r = Invoke-Kiosk 'uninstall.ps1' -FailAt $n
    $stats.runs++
    $at = $(if ($r.Failed) { "call $n ($($r.Failed.Name) in '$($r.Failed.Step)')" } else { "call $n (not reached)" })
    if ($r.Exit -eq 0) { $stats.tolerated++; Test-SameWorld $initial (Get-WorldSnapshot) "uninstall, failure at $at tolerated: the initial machine" }
    else {
        $stats.failed++
        Test-Equal 1 $r.Exit "uninstall exit code, failure at $at"
        foreach ($u in Get-KioskUsers) { Test-That (-not $u.Enabled) "uninstall, failure at ${at}: kiosk account $($u.Name) left enabled" }
        Test-That ($r.Output -match 'setup\\uninstall\.ps1') "uninstall, failure at ${at}: says where to re-run it"
        if ($r.Failed -and $r.Output -match "STOPPED in step '$([regex]::Escape($r.Failed.Step))'") { $covered.uninstall[$r.Failed.Step] = $true }
        $again = Invoke-Kiosk 'uninstall.ps1'
        Test-Equal 0 $again.Exit "second uninstall after a failure at $at`n$($again.Output)"
        Test-SameWorld $initial (Get-WorldSnapshot) "second uninstall after a failure at $at = the initial machine"
    }
}

foreach ($script in 'install', 'uninstall') {
    foreach ($step in (Get-StepNames "$script.ps1" | Select-Object -Unique)) { Test-That $covered[$script].ContainsKey($step) "$script.ps1: no injected failure made step '$step' fail" }
}
Write-Host "$($stats.runs) injected failures: $($stats.failed) failed closed, $($stats.tolerated) tolerated"
Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
