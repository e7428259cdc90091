<#
.SYNOPSIS
  Reverses install.ps1, step by step, from what it recorded in HKLM\SOFTWARE\Wachtwoord vergeten\Install: only
  what the install changed is undone (a Windows feature that was already on stays on).
.DESCRIPTION
  Run by the NSIS uninstaller (not on updates) or by hand, elevated. Order: the logon tile is unregistered
  FIRST, then every kiosk account ever recorded is disabled and the LSA secret deleted; only then shell,
  policies, AppLocker, profile and account go. The first step that fails STOPS the uninstall: the accounts stay
  disabled, the record stays, exit 1; run it again from C:\ProgramData\Wachtwoord vergeten\setup\uninstall.ps1
  (NSIS deletes the install folder). -KeepSettings keeps kiosk.json; the AD password files go in any case.
#>
param([switch] $KeepSettings)
foreach ($f in 'common', 'secret', 'registry-pol', 'lockdown', 'applocker', 'shell', 'settings', 'provider', 'account', 'hive') { . (Join-Path $PSScriptRoot "$f.ps1") }
$sids = @()

try {
    Step 'preflight' { Assert-Admin }
    if (-not (Test-Path -Path $StateKey)) {
        # What an uninstall that stopped at its very end left: Ready and KioskAccount (only install.ps1 writes
        # them), and the then empty product key. A GPO's Disabled or texts stay.
        if (Test-Path -Path $ProductKey) {
            foreach ($n in 'Ready', 'KioskAccount') { Remove-RegValue $ProductKey $n }
            $left = Get-Item -Path $ProductKey
            if ($left.ValueCount -eq 0 -and $left.SubKeyCount -eq 0) { Remove-Item -Path $ProductKey -Force }
        }
        Write-Step 'nothing recorded: not installed (or already removed).'
        exit 0
    }
    Complete-PendingAccount
    $sids = @(Get-StateList 'AccountSids')
    if ((Get-State 'AccountSid') -and $sids -notcontains (Get-State 'AccountSid')) { $sids += Get-State 'AccountSid' } # 0.1.0 record
    Step 'credential provider' { Unregister-KioskProvider; Remove-State 'ProviderRegistered' }
    Step 'kiosk accounts' { if (-not (Lock-Kiosk $sids)) { throw 'a kiosk account could not be disabled' } }
    Step 'secret' { Remove-KioskSecret; Remove-State 'SecretStored' }
    Step 'open kiosk sessions' {
        # Sign the kiosk accounts out: their profiles cannot be removed while in use.
        $names = @($sids | ForEach-Object { $u = Get-UserBySid $_; if ($u) { $u.Name } })
        $sessions = @(Get-Process -IncludeUserName | Where-Object { $_.UserName -and $names -contains ($_.UserName -split '\\')[-1] } | Select-Object -ExpandProperty SessionId -Unique)
        foreach ($s in $sessions) { Invoke-Native 'logoff.exe' @("$s") | Out-Null }
        if ($sessions.Count) { Start-Sleep -Seconds 5 }
    }
    Step 'shell' { Remove-KioskShell; Remove-State 'ShellMode' }
    Step 'keyboard filter' { Remove-KioskKeyboardFilter }
    Step 'applocker' {
        if (Get-State 'AppLockerRules') { Remove-KioskAppLocker }
        foreach ($n in 'AppLockerRules', 'AppLockerExeModePrevious', 'AppLockerAppxModePrevious', 'AppIdSvcStartPrevious') { Remove-State $n }
    }
    Step 'policies' {
        foreach ($sid in (Get-StateList 'PolicySids')) { Remove-KioskUserPolicy $sid }
        if ((Get-State 'CreatedGpoUsersDir') -and (Test-Path -LiteralPath $GpoUsersDir) -and -not @(Get-ChildItem -LiteralPath $GpoUsersDir -Force).Count) { Remove-Item -LiteralPath $GpoUsersDir -Force }
        foreach ($n in 'PolicySids', 'CreatedGpoUsersDir') { Remove-State $n }
        # 0.1.0 kept the lock-down in an adopted account's own hive: take ours out again.
        if ((Get-State 'HivePolicies') -and (Get-State 'AdoptedSid')) { Remove-LegacyHivePolicies (Get-State 'AdoptedSid') }
        Remove-State 'HivePolicies'
    }
    # The AD service-account password, whatever -KeepSettings says: the unconsumed import file, and the DPAPI
    # ciphertext in each kiosk profile (Electron userData), before the profiles go (looked up by SID).
    Step 'AD password files' {
        $files = @(Join-Path $SettingsDir 'directory-password.txt')
        foreach ($p in @(Get-CimInstance -ClassName Win32_UserProfile | Where-Object { $sids -contains $_.SID })) {
            $userData = Join-Path $p.LocalPath "AppData\Roaming\$ProductName"
            $files += @((Join-Path $userData 'directory-password.bin'), (Join-Path $userData 'directory-password.bin.tmp'))
        }
        foreach ($f in $files) {
            if (-not (Test-Path -LiteralPath $f)) { continue }
            Write-FileBytes $f (New-Object byte[] ((Get-Item -LiteralPath $f).Length)) # overwrite, then delete
            Remove-Item -LiteralPath $f -Force
        }
    }
    Step 'accounts' {
        foreach ($sid in $sids) { Remove-KioskAccount $sid }
    }
    # Deny rights only once no kiosk account can sign in any more: each is gone, or (adopted) has its flags back.
    Step 'logon rights' {
        foreach ($entry in (Get-StateList 'DenyRightsAdded')) { $p = $entry -split '\|', 2; Set-AccountRight $p[0] $p[1] $false }
        foreach ($n in 'DenyRightsAdded', 'AddedToUsers', 'CreatedSids', 'AdoptedSid', 'AdoptedEnabled', 'AdoptedFullName', 'AdoptedDescription', 'AdoptedPasswordNeverExpires', 'AdoptedUserMayChangePassword') { Remove-State $n }
    }
    Step 'blank-password policy' {
        $previous = Get-State 'LimitBlankPasswordUsePrevious' # only a 0.1.0 install changed it
        if ($null -ne $previous) { if ([int]$previous -eq -1) { Remove-RegValue $LsaKey 'LimitBlankPasswordUse' } else { Set-RegValue $LsaKey 'LimitBlankPasswordUse' ([int]$previous) 'DWord' } }
    }
    Step 'setup task' { if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) { Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false } }
    Step 'settings folder' {
        if ($KeepSettings) { foreach ($f in 'setup', 'config.json', 'applocker-policy.xml') { $p = Join-Path $SettingsDir $f; if (Test-Path -LiteralPath $p) { Remove-Item -LiteralPath $p -Recurse -Force } } }
        elseif (Get-State 'CreatedSettingsDir') { if (Test-Path -LiteralPath $SettingsDir) { Remove-Item -LiteralPath $SettingsDir -Recurse -Force } }
        else { foreach ($f in 'kiosk.json', 'ca.pem', 'config.json', 'applocker-policy.xml', 'setup') { $p = Join-Path $SettingsDir $f; if (Test-Path -LiteralPath $p) { Remove-Item -LiteralPath $p -Recurse -Force } } }
    }
    Step 'record' {
        foreach ($n in @('KioskAccount', 'Ready') + @(Get-StateList 'TileTexts')) { Remove-RegValue $ProductKey $n }
        Remove-Item -Path $StateKey -Recurse -Force
        # A GPO's Disabled (kill switch) or texts of its own stay; an empty key goes.
        $left = Get-Item -Path $ProductKey
        if ($left.ValueCount -eq 0 -and $left.SubKeyCount -eq 0) { Remove-Item -Path $ProductKey -Force }
    }
} catch {
    $why = $_.Exception.Message
    Lock-Kiosk $sids | Out-Null
    Write-Warning "[$ProductName] uninstall STOPPED in step '$CurrentStep': $why"
    Write-Warning "[$ProductName] The kiosk accounts stay disabled and the record stays in $StateKey. Fix the cause, then run (elevated): $(Join-Path $SetupCopyDir 'uninstall.ps1')"
    exit 1
}
Write-Step 'removed. A restart completes disabling Windows features, if any were turned off.'
exit 0
