# Pieces of resources/windows/*.ps1 on their own: the real LSA P/Invoke class compiles and has exactly the seam
# the harness fakes; the password and account name generators; Invoke-Native and the hive-unload retry under
# 'Stop' (the Windows PowerShell 5.1 stderr trap).
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'harness.ps1'))
foreach ($f in 'common', 'secret', 'hive', 'settings', 'lockdown', 'directory-secret', 'cleanup') { . ([IO.Path]::Combine($ScriptsDir, "$f.ps1")) }
$ErrorActionPreference = 'Stop'
function Report([bool] $Ok, [string] $What) { Test-That $Ok $What; if ($Ok) { Write-Host "ok: $What" } }

# The real class (secret.ps1's $LsaSource) compiles here too (DllImport binds at call time, on Windows), under
# another namespace because the fake already holds the name; its public surface is the fake's.
Add-Type -TypeDefinition ($LsaSource -replace 'namespace WachtwoordVergeten', 'namespace RealLsaCheck')
$sig = { param($t) @($t.GetMethods([Reflection.BindingFlags]'Public,Static') | ForEach-Object { "$($_.ReturnType.Name) $($_.Name)($(@($_.GetParameters() | ForEach-Object { $_.ParameterType.Name }) -join ','))" }) }
$real = & $sig ([RealLsaCheck.Lsa])
$fake = & $sig ([WachtwoordVergeten.Lsa])
Report ($real.Count -eq 6) "the real LSA class compiles: $($real -join '; ')"
foreach ($m in $real) { Report ($fake -contains $m) "the fake has the real method $m" }
foreach ($dll in 'LsaOpenPolicy', 'LsaStorePrivateData', 'LsaAddAccountRights', 'LsaRemoveAccountRights', 'LsaEnumerateAccountRights', 'LsaClose', 'LsaFreeMemory') {
    Report ($LsaSource -match "static extern uint $dll\(") "P/Invoke of advapi32 $dll"
}
# Windows PowerShell 5.1's Add-Type compiles with the .NET Framework's C# 5 compiler: no newer C# in it.
$cs5 = [Microsoft.CodeAnalysis.CSharp.CSharpParseOptions]::new([Microsoft.CodeAnalysis.CSharp.LanguageVersion]::CSharp5)
$tree = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($LsaSource, $cs5, '', $null, [Threading.CancellationToken]::None)
$refs = [System.Collections.Generic.List[Microsoft.CodeAnalysis.MetadataReference]]::new()
foreach ($p in ([AppContext]::GetData('TRUSTED_PLATFORM_ASSEMBLIES') -split [IO.Path]::PathSeparator)) { if ($p) { $refs.Add([Microsoft.CodeAnalysis.MetadataReference]::CreateFromFile($p)) } }
$compilation = [Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('lsa', [Microsoft.CodeAnalysis.SyntaxTree[]]@($tree), $refs, [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary))
$cs5Errors = @($compilation.GetDiagnostics() | Where-Object { "$($_.Severity)" -eq 'Error' } | ForEach-Object { $_.ToString() })
Report (-not $cs5Errors.Count) "the LSA class is C# 5 (Windows PowerShell 5.1's Add-Type): $($cs5Errors -join '; ')"
Report ($LsaSource -match 'SecureStringToGlobalAllocUnicode' -and $LsaSource -match 'ZeroFreeGlobalAllocUnicode') 'the secret goes to LSA from a SecureString, its unmanaged copy zeroed'
Report ($LsaSecretName -ceq 'L$WachtwoordVergetenKiosk') 'the LSA key name of WINDOWS-CONTRACT'

# The other real classes (directory-secret.ps1's DPAPI machine scope, cleanup.ps1's MoveFileEx) compile as C# 5
# with the public surface of the harness's fakes (fake-kiosk.ps1).
foreach ($c in @(@{ Src = $DpapiSource; Ns = 'RealDpapiCheck'; Cls = 'MachineDpapi'; Fake = [WachtwoordVergeten.MachineDpapi]; Refs = @('System.Security.Cryptography.ProtectedData') },
        @{ Src = $PendingDeleteSource; Ns = 'RealPendingCheck'; Cls = 'PendingDelete'; Fake = [WachtwoordVergeten.PendingDelete]; Refs = @() })) {
    $t5 = [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree]::ParseText($c.Src, $cs5, '', $null, [Threading.CancellationToken]::None)
    $e5 = @([Microsoft.CodeAnalysis.CSharp.CSharpCompilation]::Create('x', [Microsoft.CodeAnalysis.SyntaxTree[]]@($t5), $refs, [Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions]::new([Microsoft.CodeAnalysis.OutputKind]::DynamicallyLinkedLibrary)).GetDiagnostics() | Where-Object { "$($_.Severity)" -eq 'Error' })
    Report (-not $e5.Count) "$($c.Cls) is C# 5: $($e5 -join '; ')"
    $addArgs = @{ TypeDefinition = ($c.Src -replace 'namespace WachtwoordVergeten', "namespace $($c.Ns)") }
    if ($c.Refs.Count) { $addArgs.ReferencedAssemblies = $c.Refs }
    Add-Type @addArgs
    $rs = @(& $sig ("$($c.Ns).$($c.Cls)" -as [type])); $fs = @(& $sig $c.Fake)
    Report ($rs.Count -ge 1 -and -not @($rs | Where-Object { $fs -notcontains $_ }).Count) "the fake $($c.Cls) has the real methods: $($rs -join '; ')"
}
Report ($DpapiSource -match 'DataProtectionScope\.LocalMachine' -and $DpapiSource -notmatch 'CurrentUser') 'the AD password is protected in machine scope, never user scope'
Report ($PendingDeleteSource -match 'MOVEFILE_DELAY_UNTIL_REBOOT = 0x4' -and $PendingDeleteSource -match 'MoveFileEx\(path, null,') 'MoveFileEx(path, NULL, MOVEFILE_DELAY_UNTIL_REBOOT) deletes at the restart'

# Passwords: 40 characters of every class, all different, a read-only SecureString (never a string).
$seen = @{}
$ok = $true
for ($i = 0; $i -lt 200; $i++) {
    $s = New-KioskPassword
    $p = [WachtwoordVergeten.Lsa]::Plain($s)
    if (-not ($s -is [securestring] -and $s.IsReadOnly() -and $p.Length -eq 40 -and $p -cmatch '[A-Z]' -and $p -cmatch '[a-z]' -and $p -match '[0-9]' -and $p -match '[^A-Za-z0-9]')) { $ok = $false }
    $seen[$p] = $true
}
Report $ok '200 passwords: 40 characters, upper, lower, digit, symbol, read-only SecureString'
Report ($seen.Count -eq 200) '200 passwords, all different'
$names = @(1..200 | ForEach-Object { New-KioskAccountName })
Report (-not @($names | Where-Object { $_ -notmatch '^wwv-[a-z2-9]{8}$' }).Count) "account names wwv- + 8 (e.g. $($names[0])), within SAM's 20 characters"
Report (@($names | Select-Object -Unique).Count -ge 199) 'account names differ'
# Uniform: each of the 32 letters about 1/32 of 1600.
$counts = @{}
foreach ($n in $names) { foreach ($c in $n.Substring(4).ToCharArray()) { $counts[$c] = 1 + [int]$counts[$c] } }
Report ($counts.Count -eq 32 -and ($counts.Values | Measure-Object -Maximum).Maximum -lt 100) "account name letters spread evenly (max $(($counts.Values | Measure-Object -Maximum).Maximum) of 1600)"

# Invoke-Native under 'Stop': a stderr line is output, not a terminating error; the exit code is kept.
New-World
$global:W.HiveUnloadFailures = 1
$r = Invoke-Native 'reg.exe' @('unload', 'HKU\X')
Report ($r.ExitCode -eq 1 -and ($r.Output -join ' ') -match 'Access is denied') 'Invoke-Native keeps a failing command''s exit code and stderr under Stop'
$threw = $false
try { Invoke-Native 'reg.exe' @('bogus') -Check | Out-Null } catch { $threw = $true }
Report $threw 'Invoke-Native -Check throws on a non-zero exit'
# What 0.1.0 did (`& reg.exe unload ... 2>$null` under Stop) throws on the first stderr line: the retry never ran.
$global:W.HiveUnloadFailures = 1
$threw = $false
try { & reg.exe unload 'HKU\X' 2>$null | Out-Null } catch { $threw = $true }
Report $threw 'the 0.1.0 pattern throws under Stop (the modelled 5.1 behaviour)'
# The hive is unloaded after two failed attempts.
New-World
$global:W.HiveUnloadFailures = 2
Invoke-WithUserHive 'C:\Users\kiosk' 'RK-Test' { param($hku) Report ($hku -eq 'Registry::HKEY_USERS\RK-Test') 'the action gets the mounted hive' }
$unloads = @($global:W.Log | Where-Object { $_ -match 'reg\.exe unload' }).Count
Report ($unloads -eq 3 -and -not $global:W.Items.ContainsKey('hku\rk-test')) "the hive is unloaded at the third attempt ($unloads unload calls)"

# Who may write: by SID, inherited entries included, generic rights too (GENERIC_ALL as CREATOR OWNER has it).
New-World
New-FakeItem 'C:\ProgramData\x' 'Dir'
$global:W.Items['c:\programdata\x'].Acl = @(@{ Sid = $Nurse; Rights = 'GA'; Inherit = $false }, @{ Sid = 'S-1-5-11'; Rights = 'GR'; Inherit = $false })
$writers = @(Get-ForeignWriters 'C:\ProgramData\x')
Report ($writers -contains $Nurse -and $writers -contains $Users -and $writers -notcontains 'S-1-5-11' -and $writers -notcontains $Admins) "foreign writers: GENERIC_ALL and inherited Users write count, GENERIC_READ and Administrators do not ($($writers -join ', '))"

Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
