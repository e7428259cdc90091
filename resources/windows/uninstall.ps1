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
  Kiosk sessions are signed out and waited for (at most 120 s, then it stops with that message) until their
  profile hives are unloaded. -RemoveTileDll (the NSIS uninstaller): the tile DLL is deleted, or, while LogonUI
  still holds it, scheduled for deletion at the next restart (MoveFileEx) and the exit code is 3010. Then the
  logon screen's last-user values and Windows' Group Policy state of the deleted kiosk SIDs are cleaned.
#>
param([switch] $KeepSettings, [switch] $RemoveTileDll)
foreach ($f in 'common', 'secret', 'registry-pol', 'lockdown', 'applocker-rules', 'applocker', 'shell', 'settings', 'provider', 'account', 'hive', 'drift', 'cleanup') { . (Join-Path $PSScriptRoot "$f.ps1") }
$sids = @()
$restart = $false

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
    $names = @(Get-StateList 'AccountNames') + @(Get-State 'AccountName') | Where-Object { $_ } | Select-Object -Unique
    Step 'credential provider' {
        # The DLL's path before the registration goes (an older record did not keep it).
        if (-not (Get-State 'TileDll')) { $dll = Get-RegValue "$ProviderClassKey\InprocServer32" '(default)'; if ($dll) { Set-State 'TileDll' ([string]$dll) } }
        Unregister-KioskProvider
        Remove-State 'ProviderRegistered'
    }
    Step 'kiosk accounts' { if (-not (Lock-Kiosk $sids)) { throw 'a kiosk account could not be disabled' } }
    Step 'secret' { Remove-KioskSecret; Remove-State 'SecretStored' }
    Step 'drift task' { Unregister-DriftTask }
    # Sign the kiosk accounts out and wait for their hives to unload: a loaded profile cannot be removed.
    Step 'open kiosk sessions' { Wait-KioskSessionsGone $sids $names }
    Step 'tile DLL' {
        # Only for the uninstaller, which deletes the install folder next (by hand, the app's files stay).
        if ($RemoveTileDll -and (Remove-TileDll ([string](Get-State 'TileDll')))) { $script:restart = $true }
        Remove-State 'TileDll'
    }
    Step 'shell' { Remove-KioskShell; Remove-State 'ShellMode' }
    Step 'keyboard filter' { Remove-KioskKeyboardFilter }
    Step 'applocker' {
        if (Get-State 'AppLockerRules') { Remove-KioskAppLocker }
        foreach ($n in @('AppLockerRules', 'AppIdSvcStartPrevious') + @($AppLockerTypes | ForEach-Object { "AppLocker${_}ModePrevious" })) { Remove-State $n }
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
        $files = @((Join-Path $SettingsDir 'directory-password.txt'), (Join-Path $SettingsDir 'directory-password.bin'))
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
    # What Windows kept of the deleted accounts: the logon screen's last user, Group Policy state per SID.
    Step 'logon screen and policy state' {
        foreach ($sid in $sids) {
            if (Get-UserBySid $sid) { continue } # an adopted account that stays
            Clear-KioskLastLoggedOn $sid $names  # lastlogon.ps1 (through provider.ps1)
            Clear-GroupPolicyState $sid
        }
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
        # A kept folder stays this product's own for the next install (settings.ps1 moves any other aside).
        if ($KeepSettings -and (Get-State 'CreatedSettingsDir') -and (Test-Path -LiteralPath $SettingsDir)) { Set-RegValue $ProductKey 'SettingsDirKept' 1 'DWord' }
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
if ($restart) {
    Write-Step 'removed. RESTART REQUIRED: the logon tile DLL was in use and is deleted at the next restart (exit 3010).'
    exit 3010
}
Write-Step 'removed. A restart completes disabling Windows features, if any were turned off.'
exit 0
