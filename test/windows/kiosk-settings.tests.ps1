# Issue 23 on the fake machine, the settings: a folder nobody else wrote, kiosk.json kept byte for byte under
# Windows PowerShell 5.1's encodings (harness/fake-encoding.ps1), re-run keys, and local mode's AD password across
# install, repair, update and the tile's password rotation.
param([string] $Only)
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'cases.ps1'))
. ([IO.Path]::Combine($PSScriptRoot, 'harness', 'kiosk-files.ps1'))
$AdminJson = '{"mode":"central","centralUrl":"https://reset.gelre.example","kioskId":"afdeling-3","servicedesk":"088 123 4567","idleSeconds":120,"language":"nl","branding":{"title":"Wachtwoord vergeten – Gelre ziekenhuizen","colour":"#0b5cab"}}'

Case 'a folder a user created first (inheritable Users:Modify, admin-dropped files): moved aside, nothing read, Ready 0' {
    $global:W.Actor = $Nurse
    Add-FakeItem $Dir 'Dir' | Out-Null
    $global:W.Items[$Dir.ToLowerInvariant()].Acl = @(@{ Sid = $Users; Rights = 'M'; Inherit = $true })
    $global:W.Actor = $Admins # then an administrator or a GPO drops the files: admin-owned, but they inherit Users:Modify
    Add-AdminFile "$Dir\kiosk.json" '{"mode":"central","centralUrl":"https://evil.example","caFile":"C:\\ProgramData\\Wachtwoord vergeten\\ca.pem"}'
    Add-AdminFile "$Dir\ca.pem" 'EVIL CA'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit "install without options over a prepared folder`n$($r.Output)"
    Test-Closed 'prepared folder, no options'
    Test-That ($r.Output -match 'was not created by this installer' -and $r.Output -match 'no kiosk settings') 'says the folder was moved aside and what to give'
    $aside = @($global:W.Items.Values | Where-Object { $_.Kind -eq 'Dir' -and $_.Path -match '^C:\\ProgramData\\Wachtwoord vergeten\.vooraf-\d{8}-\d{6}$' })
    Test-Equal 1 $aside.Count 'the prepared folder is moved aside with a timestamp'
    if ($aside.Count) {
        Test-That ($aside[0].Owner -eq $Admins -and $aside[0].Protected -and -not @($aside[0].Acl | Where-Object { $_.Sid -notin @($Admins, $System) }).Count) 'the moved folder is locked (SYSTEM and Administrators only)'
        Test-That ($null -ne $global:W.Items[($aside[0].Path + '\kiosk.json').ToLowerInvariant()]) 'its files are kept there, for the administrator to inspect'
    }
    Test-That ($null -eq $global:W.Items["$Dir\kiosk.json".ToLowerInvariant()]) 'no kiosk.json was read or kept in the new folder'
    $new = $global:W.Items[$Dir.ToLowerInvariant()]
    Test-That ($new -and $new.Owner -eq $Admins -and $new.Protected -and -not @($new.Acl | Where-Object { $_.Sid -eq $Users }).Count) 'the new folder: admin-owned, own ACL, no Users entry'
    # The administrator's kiosk.json, named by a parameter: Ready 1 with exactly its settings.
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 0 $r.Exit "install with -KioskConfig -CaFile`n$($r.Output)"
    Test-Installed
    $j = Get-Json
    Test-That ($j.centralUrl -eq 'https://reset.gelre.example' -and $j.kioskId -eq 'afdeling-3' -and $j.caFile -eq "$Dir\ca.pem") "kiosk.json is the administrator's, with our CA ($($j.centralUrl))"
    Test-That ((Get-FileText "$Dir\ca.pem") -match 'BEGIN CERTIFICATE') 'ca.pem is the administrator''s CA, not the planted one'
}

Case 'a folder this installer created but someone changed since is moved aside too' {
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'install'
    $global:W.Items[$Dir.ToLowerInvariant()].Acl += @{ Sid = $Users; Rights = 'M'; Inherit = $true }
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath }
    Test-Equal 1 $r.Exit "re-run without options after the ACL was opened`n$($r.Output)"
    Test-Closed 'opened ACL'
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $CentralParams).Exit 'with parameters again: fine'
    Test-Installed
}

Case 'a non-ASCII kiosk.json is unchanged after 5 runs without options (Windows PowerShell 5.1 encodings)' {
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }).Exit 'install'
    $first = [Convert]::ToBase64String($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes)
    Test-Equal 'Wachtwoord vergeten – Gelre ziekenhuizen' (Get-Json).branding.title 'the title as the administrator wrote it'
    Test-That ($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes[0] -eq [byte][char]'{') 'UTF-8 without a BOM (JSON.parse refuses one)'
    for ($n = 1; $n -le 5; $n++) {
        $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath } # as the post-restart task and an Intune repair run it
        Test-Equal 0 $r.Exit "run $n without options`n$($r.Output)"
        Test-That ($first -eq [Convert]::ToBase64String($global:W.Items["$Dir\kiosk.json".ToLowerInvariant()].Bytes)) "kiosk.json byte for byte after run $n (title now: $((Get-Json).branding.title))"
    }
    Test-Equal 'Wachtwoord vergeten – Gelre ziekenhuizen' (Get-Json).branding.title 'the title after 5 runs'
    # The model itself: 5.1 reads BOM-less UTF-8 as ANSI without -Encoding, and -Encoding UTF8 writes a BOM.
    Add-AdminFile 'C:\Users\admin\t.txt' 'a – b'
    Test-Equal 'a â€“ b' (Get-Content -LiteralPath 'C:\Users\admin\t.txt' -Raw) 'model: Get-Content without -Encoding reads ANSI'
    Set-Content -LiteralPath 'C:\Users\admin\u.txt' -Value 'x' -Encoding UTF8
    Test-Equal 'EF-BB-BF-78-0D-0A' ([BitConverter]::ToString($global:W.Items['c:\users\admin\u.txt'].Bytes)) 'model: Set-Content -Encoding UTF8 writes a BOM'
}

Case 'a re-run with -CentralUrl changes only its own keys' {
    Add-AdminFile 'C:\Users\admin\kiosk.json' $AdminJson
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; KioskConfig = 'C:\Users\admin\kiosk.json'; CaFile = 'C:\Users\admin\ca.pem' }).Exit 'install'
    $r = Invoke-Kiosk 'install.ps1' @{ AppExe = $AppExePath; CentralUrl = 'https://nieuw.gelre.example'; CaFile = 'C:\Users\admin\ca.pem' }
    Test-Equal 0 $r.Exit "re-run with -CentralUrl`n$($r.Output)"
    $j = Get-Json
    Test-Equal 'https://nieuw.gelre.example' $j.centralUrl 'centralUrl changed'
    Test-That ($j.kioskId -eq 'afdeling-3' -and $j.servicedesk -eq '088 123 4567' -and $j.idleSeconds -eq 120 -and $j.language -eq 'nl' -and $j.branding.colour -eq '#0b5cab') 'kioskId, servicedesk, idle time, language, branding kept'
}

Case 'local mode: the AD password survives install, repair, update and password rotation' {
    Add-AdminFile 'C:\Users\admin\ad.txt' "Svc-Geheim-€-42`r`n"
    $p = @{ AppExe = $AppExePath; LocalMode = $true; ConfigFile = 'C:\Users\admin\config.json'; DirectoryPasswordFile = 'C:\Users\admin\ad.txt' }
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-Equal 0 $r.Exit "install, local mode`n$($r.Output)"
    $bin = "$Dir\directory-password.bin".ToLowerInvariant()
    $readAsKiosk = {
        param($when)
        $sid = $global:W.Users[(Get-ProductValue 'KioskAccount')].Sid
        $f = $global:W.Items[$bin]
        if (-not $f) { Test-That $false "${when}: directory-password.bin missing"; return }
        $acl = @(Get-EffectiveAcl $f)
        Test-That (@($acl | Where-Object { $_.Sid -eq $sid -and $_.Rights -in 'R', 'RX' }).Count -eq 1) "${when}: the kiosk account may read it"
        Test-That (-not @($acl | Where-Object { $_.Sid -notin @($sid, $System, $Admins) }).Count -and $f.Protected) "${when}: nobody else ($(@($acl | ForEach-Object { $_.Sid }) -join ','))"
        Test-Equal 'Svc-Geheim-€-42' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$f.Bytes))) "${when}: machine-scope DPAPI gives the password back"
        foreach ($i in $global:W.Items.Values) { if ($i.Path -ne 'C:\Users\admin\ad.txt') { Test-That (-not ([Text.Encoding]::UTF8.GetString([byte[]]$i.Bytes)).Contains('Svc-Geheim')) "${when}: the AD password in plain text in $($i.Path)" } }
    }
    & $readAsKiosk 'install'
    # Repair with the same command line after the administrator deleted the file (as the docs advise).
    $global:W.Items.Remove('c:\users\admin\ad.txt')
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-That ($r.Exit -eq 0 -and $r.Output -match 'the stored AD password stays') "repair, same options, the file deleted`n$($r.Output)"
    & $readAsKiosk 'repair'
    $p.Remove('DirectoryPasswordFile')
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit 'update (the new version''s install.ps1, same options)'
    & $readAsKiosk 'update'
    # The tile's rotation at logoff: a SYSTEM task sets a new password on the account and in the LSA secret.
    $u = $global:W.Users[(Get-ProductValue 'KioskAccount')]
    $u.Password = 'Rotated-' + [guid]::NewGuid().ToString('N'); [WachtwoordVergeten.Lsa]::Secrets['L$WachtwoordVergetenKiosk'] = $u.Password
    & $readAsKiosk 'rotation'
    # directory-password.txt put into this product's own folder: consumed, overwritten and deleted.
    Add-AdminFile "$Dir\directory-password.txt" 'Nieuw-Svc-Wachtwoord'
    Test-Equal 0 (Invoke-Kiosk 'install.ps1' $p).Exit 'install with a new directory-password.txt'
    Test-That ($null -eq $global:W.Items["$Dir\directory-password.txt".ToLowerInvariant()]) 'directory-password.txt consumed'
    Test-Equal 'Nieuw-Svc-Wachtwoord' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$global:W.Items[$bin].Bytes))) 'the new password protected'
    # An earlier version's import file, which the kiosk account could modify (so it could delete it): consumed, and
    # the folder is still this product's own (not moved aside).
    Add-AdminFile "$Dir\directory-password.txt" 'Oud-Svc-Wachtwoord'
    $global:W.Items["$Dir\directory-password.txt".ToLowerInvariant()].Acl = @(@{ Sid = $u.Sid; Rights = 'M'; Inherit = $false })
    $r = Invoke-Kiosk 'install.ps1' $p
    Test-That ($r.Exit -eq 0 -and $r.Output -notmatch 'Moved aside') "an earlier version's import file: consumed in place`n$($r.Output)"
    Test-Equal 'Oud-Svc-Wachtwoord' ([Text.Encoding]::UTF8.GetString([WachtwoordVergeten.MachineDpapi]::Unprotect([byte[]]$global:W.Items[$bin].Bytes))) 'its password protected'
    Test-Equal 0 (Invoke-Kiosk 'uninstall.ps1').Exit 'uninstall'
    Test-That ($null -eq $global:W.Items[$bin]) 'uninstall removes directory-password.bin'
}

if (-not $Only -or 'properties' -like "*$Only*") { Test-That (-not $global:W.Violations.Count) "violations: $($global:W.Violations -join '; ')" }
Write-Host "$($script:Failures.Count) failure(s)"
exit [int]($script:Failures.Count -gt 0)
