# The kiosk account's lock-down as per-user local Group Policy (MLGPO, "Local Group Policy for a specific user":
# %WINDIR%\System32\GroupPolicyUsers\<SID>\User\Registry.pol). Unlike values in the account's own NTUSER.DAT,
# it is admin-owned, survives a profile reset (delprof, "delete profiles older than", a temporary profile) and is
# applied again at every logon; Policies keys in HKCU are read-only for the user.
$GpoUsersDir = Join-Path $env:SystemRoot 'System32\GroupPolicyUsers'
# Client-side extension GUIDs for registry policy: Registry CSE + the Administrative Templates snap-in.
$GpoUserExtensions = '[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F73-3407-48AE-BA88-E8213C6761F1}]'
# Programs the kiosk account must not start: shell-enforced by DisallowRun here, kernel-enforced by AppLocker.
# Script hosts, consoles and the LOLBins of Microsoft's recommended block rules that live in %WINDIR%, the
# accessibility launchers (their settings link out of the kiosk), the classic editors/snipping tools, and programs
# that run commands or reach out: SyncAppvPublishingServer (runs PowerShell), ssh, curl, forfiles, pcalua, mstsc, msra.
# Not conhost.exe: Windows starts it for every console program, also the hidden shutdown.exe (logoff) and
# icacls.exe (the kiosk's own settings check) that the kiosk runs; blocking it would break both, and on its own it
# opens no shell (cmd, PowerShell and Terminal are blocked).
$BlockedPrograms = @('powershell.exe', 'powershell_ise.exe', 'pwsh.exe', 'cmd.exe', 'wt.exe', 'mshta.exe', 'wscript.exe', 'cscript.exe',
    'rundll32.exe', 'regsvr32.exe', 'cmstp.exe', 'hh.exe', 'msiexec.exe', 'wmic.exe', 'certutil.exe', 'bitsadmin.exe', 'bash.exe', 'wsl.exe',
    'infdefaultinstall.exe', 'presentationhost.exe', 'regedit.exe', 'regedt32.exe', 'reg.exe', 'mmc.exe', 'control.exe', 'explorer.exe',
    'taskmgr.exe', 'runas.exe', 'schtasks.exe', 'notepad.exe', 'write.exe', 'mspaint.exe', 'SnippingTool.exe', 'osk.exe', 'magnify.exe',
    'narrator.exe', 'utilman.exe', 'sethc.exe', 'atbroker.exe', 'SyncAppvPublishingServer.exe', 'ssh.exe', 'curl.exe', 'forfiles.exe', 'pcalua.exe',
    'mstsc.exe', 'msra.exe')

$RunKeyPolicies = @('DisableLocalMachineRun', 'DisableLocalMachineRunOnce', 'DisableCurrentUserRun', 'DisableCurrentUserRunOnce')

function Get-KioskPolicyEntries([string] $AppExe, [string] $ShellMode) {
    $sys = 'Software\Microsoft\Windows\CurrentVersion\Policies\System'
    $exp = 'Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'
    $e = @()
    # Ctrl+Alt+Del screen: no Task Manager, lock or password change; no registry editor.
    foreach ($n in 'DisableTaskMgr', 'DisableLockWorkstation', 'DisableChangePassword', 'DisableRegistryTools') { $e += @{ Key = $sys; Name = $n; Type = 'DWord'; Value = 1 } }
    $e += @{ Key = 'Software\Policies\Microsoft\Windows\System'; Name = 'DisableCMD'; Type = 'DWord'; Value = 1 } # 1 = also no .cmd/.bat
    # No Run, Control Panel/Settings, Windows-key hotkeys, context menus; NoClose: no power options (Start, Ctrl+Alt+Del).
    foreach ($n in 'NoRun', 'NoControlPanel', 'NoWinKeys', 'NoViewContextMenu', 'NoClose', 'RestrictRun', 'DisallowRun') { $e += @{ Key = $exp; Name = $n; Type = 'DWord'; Value = 1 } }
    # No Run/RunOnce in the kiosk session: Shell Launcher runs them before the custom shell, so HKLM Run entries and
    # OneDriveSetup (copied into every new profile's HKCU Run from the default profile) would start over the kiosk.
    # Policy CSP ADMX_Logon "Do not process the legacy run list" / "... the run once list" (DisableLocalMachineRun,
    # DisableLocalMachineRunOnce) and their per-user counterparts DisableCurrentUserRun/DisableCurrentUserRunOnce.
    foreach ($n in $RunKeyPolicies) { $e += @{ Key = $exp; Name = $n; Type = 'DWord'; Value = 1 } }
    # "Run only specified Windows applications" (the kiosk and shutdown.exe it logs off with) and its opposite.
    $lists = @{ RestrictRun = @((Split-Path $AppExe -Leaf), 'shutdown.exe'); DisallowRun = $BlockedPrograms }
    foreach ($list in 'RestrictRun', 'DisallowRun') {
        $e += @{ Key = "$exp\$list"; Name = '**delvals.'; Type = 'String'; Value = ' ' }
        $i = 0
        foreach ($exe in $lists[$list]) { $i++; $e += @{ Key = "$exp\$list"; Name = "$i"; Type = 'String'; Value = $exe } }
    }
    # Accessibility hotkeys off (5x Shift, long right Shift, 5 s Num Lock, LAlt+LShift+PrtScn/NumLock): each
    # Flags value is Windows' default minus the HOTKEYACTIVE bit 0x4 (SKF_/FKF_/TKF_/HCF_/MKF_HOTKEYACTIVE).
    $acc = 'Control Panel\Accessibility'
    $flags = [ordered]@{ StickyKeys = '506'; 'Keyboard Response' = '122'; ToggleKeys = '58'; HighContrast = '122'; MouseKeys = '58' }
    foreach ($k in $flags.Keys) { $e += @{ Key = "$acc\$k"; Name = 'Flags'; Type = 'String'; Value = $flags[$k] } }
    $e += @{ Key = 'Software\Microsoft\Windows NT\CurrentVersion\Accessibility'; Name = 'Configuration'; Type = 'String'; Value = '' } # no AT at logon
    $e += @{ Key = 'Software\Microsoft\Narrator\NoRoam'; Name = 'WinEnterLaunchEnabled'; Type = 'DWord'; Value = 0 } # Win+Ctrl+Enter
    # Print Screen does not open screen snipping; Snipping Tool off.
    $e += @{ Key = 'Control Panel\Keyboard'; Name = 'PrintScreenKeyForSnippingEnabled'; Type = 'DWord'; Value = 0 }
    $e += @{ Key = 'Software\Policies\Microsoft\TabletPC'; Name = 'DisableSnippingTool'; Type = 'DWord'; Value = 1 }
    # First sign-in: no privacy settings experience, no spotlight/tailored experiences.
    $e += @{ Key = 'Software\Policies\Microsoft\Windows\OOBE'; Name = 'DisablePrivacyExperience'; Type = 'DWord'; Value = 1 }
    foreach ($n in 'DisableWindowsSpotlightFeatures', 'DisableTailoredExperiencesWithDiagnosticData') { $e += @{ Key = 'Software\Policies\Microsoft\Windows\CloudContent'; Name = $n; Type = 'DWord'; Value = 1 } }
    # Pro: "Custom User Interface" (winlogon starts this instead of Explorer). Quoted: the path has spaces.
    if ($ShellMode -eq 'UserPolicy') { $e += @{ Key = $sys; Name = 'Shell'; Type = 'String'; Value = "`"$AppExe`"" } }
    return $e
}

function Write-FileBytes([string] $Path, [byte[]] $Bytes) { Set-Content -LiteralPath $Path -Value $Bytes -Encoding Byte }
function Read-FileBytes([string] $Path) { return , [byte[]](Get-Content -LiteralPath $Path -Encoding Byte -Raw) }

# Writes Registry.pol and gpt.ini (version bumped, so a client with history reapplies) and makes the folder
# admin-owned and admin-writable only (SYSTEM and Administrators full, Users read).
function Write-KioskUserPolicy([string] $Sid, [object[]] $Entries) {
    if (-not (Test-Path -LiteralPath $GpoUsersDir)) { Set-State 'CreatedGpoUsersDir' 1; New-Item -ItemType Directory -Path $GpoUsersDir | Out-Null }
    $dir = Join-Path $GpoUsersDir $Sid
    Add-StateItem 'PolicySids' $Sid
    if (-not (Test-Path -LiteralPath (Join-Path $dir 'User'))) { New-Item -ItemType Directory -Path (Join-Path $dir 'User') -Force | Out-Null }
    Invoke-Native 'icacls.exe' @($dir, '/setowner', "*$AdminsSid", '/T', '/C', '/Q') -Check | Out-Null
    Invoke-Native 'icacls.exe' @($dir, '/reset', '/T', '/C', '/Q') -Check | Out-Null
    Invoke-Native 'icacls.exe' @($dir, '/inheritance:r', '/grant:r', "*${SystemSid}:(OI)(CI)F", "*${AdminsSid}:(OI)(CI)F", "*${UsersGroupSid}:(OI)(CI)RX") -Check | Out-Null
    Write-FileBytes (Join-Path $dir 'User\Registry.pol') (ConvertTo-RegistryPol $Entries)
    $ini = Join-Path $dir 'gpt.ini'
    $version = 0
    if (Test-Path -LiteralPath $ini) { $m = [regex]::Match((Get-Content -LiteralPath $ini -Raw), 'Version=(\d+)'); if ($m.Success) { $version = [int64]$m.Groups[1].Value } }
    $version = (([int64][math]::Floor($version / 65536) + 1) % 65536) * 65536 # user version: high word
    $text = "[General]`r`ngPCFunctionalityVersion=2`r`ngPCUserExtensionNames=$GpoUserExtensions`r`nVersion=$version`r`n"
    Write-FileBytes $ini ([Text.Encoding]::ASCII.GetBytes($text))
}

# Read back: every expected entry present with its type and value, the extensions registered, MLGPO not off.
function Test-KioskUserPolicy([string] $Sid, [object[]] $Entries) {
    $dir = Join-Path $GpoUsersDir $Sid
    $written = @{}
    foreach ($w in @(ConvertFrom-RegistryPol (Read-FileBytes (Join-Path $dir 'User\Registry.pol')))) { $written["$($w.Key)|$($w.Name)|$($w.Type)"] = @($w.Value) -join "`n" }
    $problems = @()
    foreach ($e in $Entries) {
        $id = "$($e.Key)|$($e.Name)|$($e.Type)"
        if (-not $written.ContainsKey($id) -or $written[$id] -ne (@($e.Value) -join "`n")) { $problems += "policy $($e.Key)\$($e.Name)" }
    }
    if ($written.Count -ne $Entries.Count) { $problems += "Registry.pol holds $($written.Count) values, expected $($Entries.Count)" }
    if ((Get-Content -LiteralPath (Join-Path $dir 'gpt.ini') -Raw) -notmatch [regex]::Escape("gPCUserExtensionNames=$GpoUserExtensions")) { $problems += 'gpt.ini' }
    # A domain GPO "Turn off Local Group Policy Objects processing" would silently drop the whole lock-down.
    if ((Get-RegValue 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\System' 'DisableLGPOProcessing') -eq 1) { $problems += 'local Group Policy processing is turned off by a GPO (DisableLGPOProcessing)' }
    return $problems
}

function Remove-KioskUserPolicy([string] $Sid) {
    $dir = Join-Path $GpoUsersDir $Sid
    if (Test-Path -LiteralPath $dir) { Remove-Item -LiteralPath $dir -Recurse -Force }
}
