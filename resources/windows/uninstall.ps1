<#
.SYNOPSIS
  Reverses install.ps1, step by step, using what it recorded in HKLM\SOFTWARE\Wachtwoord vergeten\Install:
  only what the install changed is undone (a Windows feature that was already on stays on).
  Run by the NSIS uninstaller (not on updates), or by hand, elevated. -KeepSettings keeps kiosk.json; the AD
  password files (directory-password.txt, directory-password.bin) are deleted in any case.
  The kiosk account is disabled first. Rights and the blank-password policy are put back only once the account
  is gone (or, for one that existed before, has its own flags back): never an enabled blank-password account
  with a normal shell. Anything not undone: the record stays, a warning says what, exit code 1.
#>
param([switch] $KeepSettings)
. (Join-Path $PSScriptRoot 'common.ps1')
Assert-Admin
$failed = @()
function Step([string] $Name, [scriptblock] $Action) {
    try { & $Action; Write-Step "undone: $Name" }
    catch { $script:failed += $Name; Write-Warning "[$ProductName] could not undo ${Name}: $($_.Exception.Message)" }
}

$account = Get-State 'AccountName'
$sid = Get-State 'AccountSid'
if (-not $account) { Write-Step 'nothing recorded: not installed (or already removed).'; exit 0 }
$created = [bool](Get-State 'AccountCreated')
function Test-AccountLeft { return [bool]($sid -and (Get-LocalUser -SID $sid -ErrorAction SilentlyContinue)) }

# Before anything else: nobody can sign in as the kiosk account while its lock-down is being taken apart.
Step 'kiosk account enabled' {
    if (Test-AccountLeft) { Disable-LocalUser -SID $sid }
}

Step 'open kiosk sessions' {
    # Sign the kiosk account out everywhere first: its profile and hive cannot be removed while in use.
    $sessions = Get-Process -IncludeUserName -ErrorAction SilentlyContinue | Where-Object { $_.UserName -like "*\$account" } | Select-Object -ExpandProperty SessionId -Unique
    foreach ($s in $sessions) { & logoff.exe $s }
    if ($sessions) { Start-Sleep -Seconds 5 }
}

Step 'Shell Launcher' {
    if (-not (Get-State 'ShellLauncherSid') -and -not (Get-State 'EnabledShellLauncherFeature')) { return }
    if (Get-State 'ShellLauncherSid') {
        $wesl = [wmiclass]"\\localhost\${EmbeddedNs}:WESL_UserSetting"
        try { $wesl.RemoveCustomShell($sid) | Out-Null } catch { } # already gone: fine
        $others = @(Get-CimInstance -Namespace $EmbeddedNs -ClassName WESL_UserSetting -ErrorAction SilentlyContinue)
        if ((Get-State 'EnabledShellLauncher') -and $others.Count -eq 0) { $wesl.SetEnabled($false) | Out-Null }
    }
    if (Get-State 'EnabledShellLauncherFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -NoRestart | Out-Null }
}

Step 'Keyboard Filter' {
    $keys = Get-State 'KeyboardFilterKeys'
    if ($keys) {
        foreach ($key in $keys -split ',') {
            $rule = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_PredefinedKey | Where-Object { $_.Id -eq $key }
            if ($rule) { Set-CimInstance -InputObject $rule -Property @{ Enabled = $false } }
        }
    }
    $adm = Get-State 'KeyboardFilterAdminPrevious'
    if ($null -ne $adm) {
        $setting = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_Settings | Where-Object { $_.Name -eq 'DisableKeyboardFilterForAdministrators' }
        if ($setting) { Set-CimInstance -InputObject $setting -Property @{ Value = $adm } }
    }
    if (Get-State 'EnabledKeyboardFilterFeature') { Disable-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter -NoRestart | Out-Null }
}

Step 'AppLocker rules' {
    if (Get-State 'AppLockerRules') {
        $policy = Get-LocalAppLockerXml
        $exe = $policy.SelectSingleNode("/AppLockerPolicy/RuleCollection[@Type='Exe']")
        if ($exe) {
            foreach ($r in @($exe.SelectNodes("*[starts-with(@Id,'$AppLockerIdPrefix')]"))) { [void]$exe.RemoveChild($r) }
            $mode = Get-State 'AppLockerExeModePrevious'
            if ($mode -eq 'Absent' -and -not $exe.HasChildNodes) { [void]$policy.DocumentElement.RemoveChild($exe) }
            elseif ($mode -and $mode -ne 'Absent') { $exe.SetAttribute('EnforcementMode', $mode) }
            Set-LocalAppLockerXml $policy
        }
    }
    $svc = Get-State 'AppIdSvcStartPrevious'
    if ($svc) { & sc.exe config AppIDSvc start= $svc | Out-Null; if ($LASTEXITCODE -ne 0) { throw "sc.exe could not set AppIDSvc back to $svc" } }
}

# The AD service-account password, whatever -KeepSettings says: the one-time plain import file, if the kiosk
# never consumed it, and the DPAPI ciphertext in the kiosk profile (Electron userData), which outlives an
# account that existed before. Before the profile goes: its path is looked up by SID.
Step 'AD password files' {
    $files = @(Join-Path $SettingsDir 'directory-password.txt')
    $profilePath = if ($sid) { Get-ProfilePath $sid } else { $null }
    if ($profilePath) {
        $userData = Join-Path $profilePath "AppData\Roaming\$ProductName"
        $files += @((Join-Path $userData 'directory-password.bin'), (Join-Path $userData 'directory-password.bin.tmp'))
    }
    foreach ($f in $files) {
        if (-not (Test-Path -LiteralPath $f)) { continue }
        [IO.File]::WriteAllBytes($f, (New-Object byte[] ((Get-Item -LiteralPath $f).Length))) # overwrite, then delete
        Remove-Item -LiteralPath $f -Force
    }
}

Step 'profile and account' {
    if ($created) {
        # The account goes even when its profile cannot (in use): the account is what signs in.
        $profileError = $null
        try { Get-CimInstance Win32_UserProfile | Where-Object { $_.SID -eq $sid } | Remove-CimInstance } # folder + hive
        catch { $profileError = $_ }
        if (Test-AccountLeft) { Remove-LocalUser -SID $sid }
        if ($profileError) { throw $profileError }
        return
    }
    # An account that existed before the install stays: our policies leave its hive, then its own flags come
    # back, enabled (if it was) last of all.
    $profilePath = Get-ProfilePath $sid
    if ($profilePath -and (Get-State 'HivePolicies')) {
        Invoke-WithUserHive $profilePath 'RK-Kiosk' {
            param($hku)
            foreach ($p in $HivePolicies) { foreach ($name in $p.Names) { Remove-ItemProperty -Path "$hku\$($p.Key)" -Name $name -ErrorAction SilentlyContinue } }
            if ((Get-State 'ShellMode') -eq 'UserPolicy') { Remove-ItemProperty -Path "$hku\$ShellPolicyKey" -Name 'Shell' -ErrorAction SilentlyContinue }
            if (Get-State 'RunLists') {
                foreach ($list in 'RestrictRun', 'DisallowRun') {
                    Remove-ItemProperty -Path "$hku\$RunListKey" -Name $list -ErrorAction SilentlyContinue
                    $listKey = "$hku\$RunListKey\$list"
                    if (-not (Test-Path $listKey)) { continue }
                    $ours = @((Get-Item $listKey).GetValueNames() | Where-Object { $_ -match '^rk\d+$' })
                    foreach ($name in $ours) { Remove-ItemProperty -Path $listKey -Name $name }
                    if (-not (Get-Item $listKey).GetValueNames().Count -and -not @(Get-ChildItem $listKey).Count) { Remove-Item -Path $listKey }
                }
            }
        }
    }
    if (Test-AccountLeft) {
        $name = (Get-LocalUser -SID $sid).Name
        $req = Get-State 'AccountPreviousPasswordRequired'
        if ($null -ne $req) { & net.exe user "$name" $(if ([int]$req) { '/passwordreq:yes' } else { '/passwordreq:no' }) | Out-Null; if ($LASTEXITCODE -ne 0) { throw 'net user /passwordreq failed' } }
        $expires = Get-State 'AccountPreviousPasswordExpires'
        if ($null -ne $expires) { Set-LocalUser -SID $sid -PasswordNeverExpires (-not [int]$expires) }
        if (Get-State 'AccountAddedToUsers') { Remove-LocalGroupMember -SID $UsersGroupSid -Member $sid -ErrorAction SilentlyContinue }
        $enabled = Get-State 'AccountPreviousEnabled'
        if ($null -eq $enabled) { Write-Warning "[$ProductName] no flags on record for '$name' (an older install): it stays DISABLED." }
        elseif ([int]$enabled) { Enable-LocalUser -SID $sid }
    }
}

# Only now: deny rights and LimitBlankPasswordUse protect a blank-password account. While the account we
# created still exists (or one that existed before did not get its flags back), they stay, loudly.
$accountSafe = if ($created) { -not (Test-AccountLeft) } else { $failed -notcontains 'profile and account' }
if (-not $accountSafe) {
    $script:failed += @('denied logon rights', 'blank-password policy')
    $why = if ($created) { 'still exists (disabled): remove it' } else { 'did not get its own flags back: see the warnings above' }
    Write-Warning "[$ProductName] NOT SAFE TO FINISH: the kiosk account '$account' ($sid) $why, then run uninstall.ps1 again. Its deny-logon rights and LimitBlankPasswordUse are KEPT until then."
} else {
    Step 'denied logon rights' {
        $rights = Get-State 'DenyRights'
        if ($rights -and $sid) { foreach ($r in $rights -split ',') { Set-UserRight $r $sid $false } }
    }
    Step 'blank-password policy' {
        $previous = Get-State 'LimitBlankPasswordUsePrevious'
        if ($null -eq $previous) { return }
        if ([int]$previous -eq -1) { Remove-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -ErrorAction SilentlyContinue }
        else { Set-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -Value ([int]$previous) -Type DWord }
    }
}

Step 'settings folder' {
    if ($KeepSettings -or -not (Get-State 'CreatedSettingsDir')) { return }
    Remove-Item -LiteralPath $SettingsDir -Recurse -Force -ErrorAction SilentlyContinue
}

Step 'setup task' { Unregister-ScheduledTask -TaskName "$ProductName - setup na herstart" -Confirm:$false -ErrorAction SilentlyContinue }

if ($failed.Count) { Write-Warning "[$ProductName] not undone: $($failed -join ', '). The record stays in $StateKey; run again."; exit 1 }
Remove-Item -Path (Split-Path $StateKey) -Recurse -Force
Write-Step 'removed. A restart completes disabling Windows features, if any were turned off.'
exit 0
