<#
.SYNOPSIS
  Sets up "Wachtwoord vergeten" on the Windows logon screen (run by the NSIS installer, or by hand, elevated).
.DESCRIPTION
  1. Local account "Wachtwoord vergeten" with a BLANK password. Windows allows blank passwords for console
     logon only (LSA LimitBlankPasswordUse = 1, enforced here): at the PC a nurse signs in as
     ".\Wachtwoord vergeten" without a password; over the network, RDP, batch or service it cannot log on.
  2. Its shell is the kiosk: Shell Launcher (WMI WESL_UserSetting.SetCustomShell, Enterprise/Education) or,
     on Pro, the per-user "Custom User Interface" policy (weaker: see docs/windows-kiosk.md).
  3. Per-account lock-down in its registry hive: no Task Manager, lock, password change, cmd, regedit; only the
     kiosk exe may be started through the shell (RestrictRun), never PowerShell, mshta, script hosts (DisallowRun).
  4. Optional (-KeyboardFilter): the Keyboard Filter. It is MACHINE-WIDE (all non-admin users), so off by default.
  5. Optional (-AppLocker, Enterprise/Education): AppLocker executable rules for the kiosk account's SID only,
     enforced by the Application Identity service (AppIDSvc), which is set to start automatically.
  6. C:\ProgramData\Wachtwoord vergeten\kiosk.json (kiosk settings), readable by the kiosk account.
  Every change is recorded in HKLM\SOFTWARE\Wachtwoord vergeten\Install; uninstall.ps1 reverses exactly those.
  An account of that name that already existed keeps its flags on record and gets them back on uninstall.
#>
param(
    [Parameter(Mandatory = $true)] [string] $AppExe,
    [string] $AccountName = 'Wachtwoord vergeten',
    [ValidateSet('Auto', 'ShellLauncher', 'UserPolicy')] [string] $ShellMode = 'Auto',
    [switch] $KeyboardFilter,
    [switch] $AppLocker
)
. (Join-Path $PSScriptRoot 'common.ps1')
Assert-Admin
if (-not (Test-Path -LiteralPath $AppExe)) { throw "kiosk executable not found: $AppExe" }
if ($ShellMode -eq 'Auto') { $ShellMode = if (Test-LockdownEdition) { 'ShellLauncher' } else { 'UserPolicy' } }
if ($ShellMode -eq 'ShellLauncher' -and -not (Test-LockdownEdition)) { throw 'Shell Launcher needs Windows Enterprise or Education; use -ShellMode UserPolicy on Pro.' }
if ($KeyboardFilter -and -not (Test-LockdownEdition)) { throw 'Keyboard Filter needs Windows Enterprise or Education.' }
if ($AppLocker -and -not (Test-LockdownEdition)) { throw 'AppLocker enforcement needs Windows Enterprise or Education.' }
$restart = $false

# 1. Blank passwords: console only. Record the previous value so uninstall can put it back.
$limit = (Get-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -ErrorAction SilentlyContinue)
if ($null -eq $limit -or $limit.LimitBlankPasswordUse -ne 1) {
    if ($null -eq (Get-State 'LimitBlankPasswordUsePrevious')) { Set-State 'LimitBlankPasswordUsePrevious' $(if ($limit) { [int]$limit.LimitBlankPasswordUse } else { -1 }) }
    Set-ItemProperty -Path $LsaKey -Name LimitBlankPasswordUse -Value 1 -Type DWord
}

# 2. The account: no password, cannot set one, never expires, member of Users only (logon right "locally").
$sid = Get-AccountSid $AccountName
if (-not $sid) {
    Write-Step "creating local account '$AccountName'"
    New-LocalUser -Name $AccountName -NoPassword -FullName $AccountName -Description 'Wachtwoord-reset kiosk, geen rechten' -AccountNeverExpires -UserMayNotChangePassword | Out-Null
    Set-State 'AccountCreated' 1
    $sid = Get-AccountSid $AccountName
} elseif (-not (Get-State 'AccountCreated') -and $null -eq (Get-State 'AccountPreviousEnabled')) {
    # An account that existed before: record its flags BEFORE changing them (once: a re-run must not record ours).
    Write-Step "using the existing local account '$AccountName' (its flags are restored on uninstall)"
    $ua = Get-CimInstance Win32_UserAccount -Filter "LocalAccount=True AND SID='$sid'"
    Set-State 'AccountPreviousPasswordRequired' ([int][bool]$ua.PasswordRequired)
    Set-State 'AccountPreviousPasswordExpires' ([int][bool]$ua.PasswordExpires)
    Set-State 'AccountPreviousEnabled' ([int](-not $ua.Disabled))
}
& net.exe user "$AccountName" /passwordreq:no /active:yes | Out-Null
Set-LocalUser -Name $AccountName -PasswordNeverExpires $true
if (-not (Get-LocalGroupMember -SID $UsersGroupSid -ErrorAction SilentlyContinue | Where-Object { $_.SID.Value -eq $sid })) {
    Add-LocalGroupMember -SID $UsersGroupSid -Member $sid
    Set-State 'AccountAddedToUsers' 1
}
Set-State 'AccountName' $AccountName
Set-State 'AccountSid' $sid
foreach ($right in $DenyRights) { Set-UserRight $right $sid $true }
Set-State 'DenyRights' ($DenyRights -join ',')

# 3. A profile now (not at first logon), so its hive can carry the per-account policies.
Add-Type -Namespace RK -Name UserEnv -MemberDefinition '[DllImport("userenv.dll", CharSet = CharSet.Unicode)] public static extern int CreateProfile(string sid, string name, System.Text.StringBuilder path, uint len);'
$buf = New-Object System.Text.StringBuilder 260
$hr = [RK.UserEnv]::CreateProfile($sid, $AccountName, $buf, 260)
if ($hr -ne 0 -and $hr -ne -2147024713) { throw ("CreateProfile failed: 0x{0:X8}" -f $hr) } # 0x800700B7 = exists
$profilePath = Get-ProfilePath $sid
Invoke-WithUserHive $profilePath 'RK-Kiosk' {
    param($hku)
    foreach ($p in $HivePolicies) {
        $key = "$hku\$($p.Key)"
        if (-not (Test-Path $key)) { New-Item -Path $key -Force | Out-Null }
        foreach ($name in $p.Names) { Set-ItemProperty -Path $key -Name $name -Value 1 -Type DWord }
    }
    if ($ShellMode -eq 'UserPolicy') { Set-ItemProperty -Path "$hku\$ShellPolicyKey" -Name 'Shell' -Value "`"$AppExe`"" -Type String }
    # Other apps: only the kiosk through the shell (RestrictRun), never these (DisallowRun). Flag value + list key.
    $lists = Get-RunLists $AppExe
    foreach ($list in $lists.Keys) {
        $listKey = "$hku\$RunListKey\$list"
        if (-not (Test-Path $listKey)) { New-Item -Path $listKey -Force | Out-Null }
        $i = 0
        foreach ($exe in $lists[$list]) { $i++; Set-ItemProperty -Path $listKey -Name "rk$i" -Value $exe -Type String }
        Set-ItemProperty -Path "$hku\$RunListKey" -Name $list -Value 1 -Type DWord
    }
}
Set-State 'HivePolicies' 1
Set-State 'RunLists' 1

# 4. Shell Launcher: the kiosk is this account's shell; exit code 0 (our logoff) -> nothing, else restart it.
if ($ShellMode -eq 'ShellLauncher') {
    $feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
    if ($feature.State -ne 'Enabled') {
        $r = Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart
        Set-State 'EnabledShellLauncherFeature' 1
        if ($r.RestartNeeded) { $restart = $true }
    }
    if (-not $restart) {
        $wesl = [wmiclass]"\\localhost\${EmbeddedNs}:WESL_UserSetting"
        if (-not $wesl.IsEnabled().Enabled) { $wesl.SetEnabled($true) | Out-Null; Set-State 'EnabledShellLauncher' 1 }
        try { $wesl.RemoveCustomShell($sid) | Out-Null } catch { } # re-install: replace, do not duplicate
        $wesl.SetCustomShell($sid, "`"$AppExe`"", ([int[]]@(0)), ([int[]]@(3)), 0) | Out-Null
        Set-State 'ShellLauncherSid' $sid
    }
}
Set-State 'ShellMode' $ShellMode

# 5. Optional, machine-wide Keyboard Filter (see docs/windows-kiosk.md before turning this on).
if ($KeyboardFilter) {
    $kf = Get-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter
    if ($kf.State -ne 'Enabled') { $r = Enable-WindowsOptionalFeature -Online -FeatureName Client-KeyboardFilter -All -NoRestart; Set-State 'EnabledKeyboardFilterFeature' 1; if ($r.RestartNeeded) { $restart = $true } }
    if (-not $restart) {
        $blocked = @()
        foreach ($key in 'Alt+F4', 'Ctrl+Esc', 'Windows', 'Alt+Tab', 'Ctrl+Shift+Esc', 'Win+L') {
            $rule = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_PredefinedKey | Where-Object { $_.Id -eq $key }
            if ($rule -and -not $rule.Enabled) { Set-CimInstance -InputObject $rule -Property @{ Enabled = $true }; $blocked += $key }
        }
        $adm = Get-CimInstance -Namespace $EmbeddedNs -ClassName WEKF_Settings | Where-Object { $_.Name -eq 'DisableKeyboardFilterForAdministrators' }
        if ($adm -and $adm.Value -ne 'true') { Set-State 'KeyboardFilterAdminPrevious' $adm.Value; Set-CimInstance -InputObject $adm -Property @{ Value = 'true' } }
        Set-State 'KeyboardFilterKeys' ($blocked -join ',')
    }
}

# 6. Optional AppLocker for the kiosk account (see docs/windows-kiosk.md): ours replace any earlier rules of ours.
if ($AppLocker) {
    $prevSvc = Get-AppIdSvcStart
    if ($prevSvc -ne 'auto') {
        if ($null -eq (Get-State 'AppIdSvcStartPrevious')) { Set-State 'AppIdSvcStartPrevious' $prevSvc }
        & sc.exe config AppIDSvc start= auto | Out-Null
        if ($LASTEXITCODE -ne 0) { throw 'cannot set the Application Identity service (AppIDSvc) to start automatically' }
    }
    Start-Service -Name AppIDSvc
    $ours = "starts-with(@Id,'$AppLockerIdPrefix')"
    $effective = [xml](Get-AppLockerPolicy -Effective -Xml)
    $othersExe = $effective.SelectNodes("/AppLockerPolicy/RuleCollection[@Type='Exe']/*[not($ours)]").Count
    $policy = Get-LocalAppLockerXml
    $exe = $policy.SelectSingleNode("/AppLockerPolicy/RuleCollection[@Type='Exe']")
    if ($null -eq (Get-State 'AppLockerExeModePrevious')) { Set-State 'AppLockerExeModePrevious' $(if ($exe) { $exe.GetAttribute('EnforcementMode') } else { 'Absent' }) }
    if (-not $exe) {
        $exe = $policy.CreateElement('RuleCollection')
        $exe.SetAttribute('Type', 'Exe')
        $exe.SetAttribute('EnforcementMode', 'NotConfigured')
        [void]$policy.DocumentElement.AppendChild($exe)
    }
    foreach ($old in @($exe.SelectNodes("*[$ours]"))) { [void]$exe.RemoveChild($old) }
    # No executable rules from anyone else: ours add "everyone may run everything" and switch enforcement on;
    # otherwise the existing rules and their enforcement mode stay as they are.
    $allowEveryone = $othersExe -eq 0
    $fragment = [xml]('<Rules>' + ((Get-AppLockerKioskRules $sid (Split-Path $AppExe) $allowEveryone) -join '') + '</Rules>')
    foreach ($r in @($fragment.DocumentElement.ChildNodes)) { [void]$exe.AppendChild($policy.ImportNode($r, $true)) }
    if ($allowEveryone) { $exe.SetAttribute('EnforcementMode', 'Enabled') }
    Set-LocalAppLockerXml $policy
    Set-State 'AppLockerRules' 1
    if ($othersExe -gt 0) { Write-Step 'AppLocker: executable rules already in effect; ours were added for the kiosk account only (check their enforcement mode).' }
}

# 7. Kiosk settings folder: admins write, the kiosk account reads (and may consume the AD password import file).
if (-not (Test-Path $SettingsDir)) { New-Item -ItemType Directory -Path $SettingsDir | Out-Null; Set-State 'CreatedSettingsDir' 1 }
& icacls.exe $SettingsDir /inheritance:r /grant:r '*S-1-5-18:(OI)(CI)F' '*S-1-5-32-544:(OI)(CI)F' "*${sid}:(OI)(CI)RX" | Out-Null
$settings = Join-Path $SettingsDir 'kiosk.json'
if (-not (Test-Path $settings)) {
    # UTF-8 without BOM: Windows PowerShell's "-Encoding UTF8" writes one, and JSON.parse rejects it.
    $json = @{ logoffOnExit = $true; kioskAccount = $AccountName } | ConvertTo-Json
    [IO.File]::WriteAllText($settings, $json, (New-Object Text.UTF8Encoding $false))
}
$import = Join-Path $SettingsDir 'directory-password.txt'
if (Test-Path $import) { & icacls.exe $import /inheritance:r /grant:r '*S-1-5-18:F' '*S-1-5-32-544:F' "*${sid}:M" | Out-Null }

# Windows features that need a restart: finish by itself at the next start (as SYSTEM), then remove the task.
$task = "$ProductName - setup na herstart"
if ($restart) {
    $taskArgs = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$PSCommandPath`" -AppExe `"$AppExe`" -AccountName `"$AccountName`" -ShellMode $ShellMode" + $(if ($KeyboardFilter) { ' -KeyboardFilter' } else { '' }) + $(if ($AppLocker) { ' -AppLocker' } else { '' })
    $action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\WindowsPowerShell\v1.0\powershell.exe" -Argument $taskArgs
    Register-ScheduledTask -TaskName $task -Action $action -Trigger (New-ScheduledTaskTrigger -AtStartup) -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
    Write-Step 'RESTART REQUIRED: Windows features were enabled; setup finishes by itself after the restart.'
    exit 3010
}
Unregister-ScheduledTask -TaskName $task -Confirm:$false -ErrorAction SilentlyContinue
Write-Step "done: sign in at this PC as '.\$AccountName' without a password ($ShellMode)."
exit 0
