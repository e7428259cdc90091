<#
.SYNOPSIS
  Sets up "Wachtwoord vergeten" on the Windows logon screen (run elevated by the NSIS installer, or by hand).
.DESCRIPTION
  Fails closed: the kiosk account is created DISABLED and enabled only as the very last step, after its shell,
  its policies and the logon tile's registration have been read back. Any error disables it again, clears
  Ready and exits 1; a needed restart exits 3010 with the account disabled until the SYSTEM task that runs after
  the restart has finished and verified everything.
  0. -AppExe and -TileDll must lie under %ProgramFiles%, changeable by administrators only (trusted-path.ps1).
  1. Local account wwv-xxxxxxxx (neutral full name, hidden from the logon screen): random name and a random
     40-character password from the OS CSPRNG at every install and after every kiosk sign-in (logon task), kept
     only in the LSA secret L$WachtwoordVergetenKiosk and the account; console logon only (deny network, RDP,
     batch, service logon).
  2. C:\ProgramData\Wachtwoord vergeten\: one this script did not create is moved aside, never read; kiosk.json
     from -KioskConfig or this script's earlier file, plus the keys of -CentralUrl/-CaFile (central, the default)
     or -LocalMode -ConfigFile (-DirectoryPasswordFile: the AD password in DPAPI machine scope for the kiosk).
  3. Lock-down as per-user local Group Policy (GroupPolicyUsers\<SID>\User\Registry.pol).
  4. Shell: Shell Launcher (Enterprise/Education) or the per-user "Custom User Interface" policy (Pro).
  5. Optional (-KeyboardFilter): the MACHINE-WIDE Keyboard Filter. 6. AppLocker (Enterprise/Education; -NoAppLocker).
  7. The credential provider (logon tile), what it proves at every sign-in, its logon task (LogonUI's last
     sign-in, password rotation) and the drift task (check.ps1 -Task: SYSTEM, start-up and daily), then read back,
     then enable, then Ready = 1.
  Every change is recorded in HKLM\SOFTWARE\Wachtwoord vergeten\Install; uninstall.ps1 reverses exactly those.
#>
param(
    [Parameter(Mandatory = $true)] [string] $AppExe,
    [string] $CentralUrl,
    [string] $CaFile,
    [switch] $LocalMode,
    [string] $ConfigFile,
    [string] $KioskConfig,
    [string] $DirectoryPasswordFile,
    [string] $AccountName,
    [ValidateSet('Auto', 'ShellLauncher', 'UserPolicy')] [string] $ShellMode = 'Auto',
    [switch] $KeyboardFilter,
    [switch] $NoAppLocker,
    [string] $TileDll
)
foreach ($f in 'common', 'secret', 'registry-pol', 'lockdown', 'applocker-rules', 'applocker', 'shell', 'settings', 'kiosk-settings', 'directory-secret', 'provider', 'account', 'drift', 'cleanup') { . (Join-Path $PSScriptRoot "$f.ps1") }
$K = @{ AccountName = $AccountName; CentralUrl = $CentralUrl; CaFile = $CaFile; LocalMode = [bool]$LocalMode; ConfigFile = $ConfigFile; KioskConfig = $KioskConfig; Restart = $false; Sid = $null }

try {
    Step 'preflight' {
        Assert-Admin
        if (-not $TileDll) { $script:TileDll = Get-DefaultTileDll $AppExe }
        Assert-TrustedCodePath $AppExe '-AppExe'
        Assert-TrustedCodePath $TileDll '-TileDll'
        foreach ($f in $AppExe, $TileDll) { if (-not (Test-Path -LiteralPath $f)) { throw "not found: $f" } }
        Assert-NotPendingDelete $TileDll
        $K.Lockdown = Test-LockdownEdition
        if ($ShellMode -eq 'Auto') { $script:ShellMode = $(if ($K.Lockdown) { 'ShellLauncher' } else { 'UserPolicy' }) }
        if ($ShellMode -eq 'ShellLauncher' -and -not $K.Lockdown) { throw 'Shell Launcher needs Windows Enterprise or Education; use -ShellMode UserPolicy on Pro.' }
        if ($KeyboardFilter -and -not $K.Lockdown) { throw 'Keyboard Filter needs Windows Enterprise or Education.' }
        $K.AppLocker = $K.Lockdown -and -not $NoAppLocker
        if ($K.AppLocker) { Assert-NoMdmAppLocker } # before anything changes
        if ($CentralUrl -and ($LocalMode -or $ConfigFile)) { throw 'choose central mode (-CentralUrl, -CaFile) or local mode (-LocalMode -ConfigFile), not both' }
        if ($CentralUrl -and ($CentralUrl -notmatch '^https://[^/\s]+' -or -not $CaFile)) { throw '-CentralUrl needs an https:// URL and -CaFile the PEM of the CA that issued its certificate' }
        if ($CaFile -and -not (Test-Path -LiteralPath $CaFile)) { throw "-CaFile: not found: $CaFile" }
        if ($ConfigFile -and (-not $LocalMode -or -not (Test-Path -LiteralPath $ConfigFile))) { throw '-ConfigFile needs -LocalMode and an existing file' }
        if ($KioskConfig -and -not (Test-Path -LiteralPath $KioskConfig)) { throw "-KioskConfig: not found: $KioskConfig" }
        if ($DirectoryPasswordFile -and -not $LocalMode) { throw '-DirectoryPasswordFile needs -LocalMode' }
        if ($LocalMode) {
            Write-Warning "[$ProductName] LOCAL MODE: this PC will hold the AD service account's password (DPAPI machine scope, readable by the kiosk account). Anyone who runs code as the kiosk account or as an administrator, or reads this disk offline without BitLocker, can use it to reset passwords. Central mode keeps it on the server. See docs/windows-kiosk.md."
        }
        # The record first (uninstall.ps1 acts only where there is one); a repair starts closed: the tile shows
        # "niet goed ingesteld" and nobody signs in until the end.
        if (-not (Test-Path -Path $StateKey)) { New-Item -Path $StateKey -Force | Out-Null }
        if (-not (Lock-Kiosk)) { throw 'the kiosk could not be locked before the repair' }
    }
    Step 'blank-password policy' {
        # No blank password any more: an earlier version's LimitBlankPasswordUse change is put back.
        $previous = Get-State 'LimitBlankPasswordUsePrevious'
        if ($null -ne $previous) {
            if ([int]$previous -eq -1) { Remove-RegValue $LsaKey 'LimitBlankPasswordUse' } else { Set-RegValue $LsaKey 'LimitBlankPasswordUse' ([int]$previous) 'DWord' }
            Remove-State 'LimitBlankPasswordUsePrevious'
        }
    }
    Step 'account' {
        $a = Set-KioskAccount $AccountName
        $K.Sid = $a.Sid
        $K.AccountName = $a.Name
    }
    Step 'settings' {
        Protect-SettingsDir $K.Sid
        $K.Mode = Write-KioskSettings $K
        Copy-SetupScripts
    }
    Step 'directory password' {
        if ($K.Mode -eq 'local') { Set-DirectorySecret $K.Sid $DirectoryPasswordFile }
    }
    Step 'policies' {
        $K.Policies = Get-KioskPolicyEntries $AppExe $ShellMode
        Write-KioskUserPolicy $K.Sid $K.Policies
        Set-State 'ShellMode' $ShellMode
        Set-State 'AppExe' $AppExe
    }
    Step 'shell' {
        if ($ShellMode -eq 'ShellLauncher') {
            if (Enable-Feature 'Client-EmbeddedShellLauncher' 'EnabledShellLauncherFeature') { $K.Restart = $true }
            else { Set-KioskShell $K.Sid $AppExe }
        }
    }
    Step 'keyboard filter' {
        if ($KeyboardFilter) {
            if (Enable-Feature 'Client-KeyboardFilter' 'EnabledKeyboardFilterFeature') { $K.Restart = $true }
            else { Set-KioskKeyboardFilter }
        }
    }
    Step 'applocker' {
        if ($K.AppLocker) { $K.AppLockerIds = Set-KioskAppLocker $K.Sid (Split-Path $AppExe) }
    }
    Step 'restart task' {
        # Windows features that need a restart: the account stays disabled; a SYSTEM task finishes after the restart.
        if ($K.Restart) {
            $taskArgs = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$(Join-Path $SetupCopyDir 'install.ps1')`" -AppExe `"$AppExe`" -TileDll `"$TileDll`" -ShellMode $ShellMode"
            foreach ($s in @(@('KeyboardFilter', $KeyboardFilter), @('NoAppLocker', $NoAppLocker), @('LocalMode', $LocalMode))) { if ($s[1]) { $taskArgs += " -$($s[0])" } }
            $action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\WindowsPowerShell\v1.0\powershell.exe" -Argument $taskArgs
            Set-State 'SetupTask' 1
            Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger (New-ScheduledTaskTrigger -AtStartup) -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
        }
    }
    if ($K.Restart) {
        Write-Step 'RESTART REQUIRED: Windows features were enabled. The kiosk account stays disabled until the setup has finished by itself after the restart.'
        exit 3010
    }
    Step 'credential provider' {
        Set-TileTexts
        Set-TileFacts $K.Sid (Get-KioskShellCommand $AppExe) $ShellMode $K.AppLocker
        Set-State 'TileDll' $TileDll # for uninstall.ps1 -RemoveTileDll
        Register-KioskProvider $TileDll
        Register-KioskLogonTask
    }
    Step 'drift task' { Register-DriftTask }
    Step 'verify' {
        $problems = @(Test-KioskAccount $K.Sid $K.AccountName) + @(Test-SettingsDir) + @(Test-DirectorySecret $K.Sid) + @(Test-KioskUserPolicy $K.Sid $K.Policies) + @(Test-KioskProvider $TileDll) +
            @(Test-TileFacts $K.Sid (Get-KioskShellCommand $AppExe) $ShellMode $K.AppLocker) + @(Test-KioskLogonTask)
        if ($ShellMode -eq 'ShellLauncher') { $problems += Test-KioskShell $K.Sid $AppExe }
        if ($KeyboardFilter) { $problems += Test-KioskKeyboardFilter }
        if ($K.AppLocker) { $problems += Test-KioskAppLocker $K.AppLockerIds }
        $problems += @(Get-KioskDrift)
        if (-not (Get-ScheduledTask -TaskName $DriftTaskName -ErrorAction SilentlyContinue)) { $problems += "task '$DriftTaskName' missing" }
        $problems = @($problems | Where-Object { $_ })
        if ($problems.Count) { throw "read back failed: $($problems -join '; ')" }
    }
    Step 'enable' {
        Enable-LocalUser -SID $K.Sid
        if (-not (Get-UserBySid $K.Sid).Enabled) { throw 'the kiosk account did not become enabled' }
        Set-RegValue $ProductKey 'Ready' 1 'DWord'
        if (Get-State 'SetupTask') { Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false; Remove-State 'SetupTask' }
    }
} catch {
    $why = $_.Exception.Message
    $safe = Lock-Kiosk @($K.Sid)
    Write-Warning "[$ProductName] setup FAILED in step '$CurrentStep': $why"
    if ($safe) { Write-Warning "[$ProductName] The kiosk account is disabled and the tile shows 'niet goed ingesteld'. Fix the cause and run install.ps1 again." }
    else { Write-Warning "[$ProductName] NOT SAFE: the kiosk account could not be disabled. Disable it by hand (Disable-LocalUser)." }
    exit 1
}
Write-Step "done: the logon screen shows the tile '$ProductName' (account $($K.AccountName), $ShellMode)."
exit 0
