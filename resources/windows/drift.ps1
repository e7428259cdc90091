# Drift: settings a domain GPO (or an administrator) can change after the install. check.ps1 prints them; the SYSTEM
# task "$DriftTaskName" (at start-up and daily) runs check.ps1 -Task, which on drift sets Ready = 0 (the tile then
# refuses: "niet goed ingesteld") and writes an Error event (Application log, source "Wachtwoord vergeten", id 101)
# that monitoring can alert on. Ready stays 0 until install.ps1 has run again (a repair): fail closed.
# Events through eventcreate.exe (learn.microsoft.com, windows-commands/eventcreate: it registers the source on first
# use; ids 1 to 1000): no New-EventLog registration to install and undo.
$DriftTaskName = "$ProductName - controle"
$DriftEventId = 101
$InteractiveRight = 'SeInteractiveLogonRight' # "Allow log on locally"
$DenyInteractiveRight = 'SeDenyInteractiveLogonRight'
# The groups every kiosk logon carries: Everyone, Authenticated Users, INTERACTIVE, Users.
$KioskLogonGroupSids = @('S-1-1-0', 'S-1-5-11', 'S-1-5-4', $UsersGroupSid)

# Each problem as one Dutch line with the English term an administrator searches for.
function Get-KioskDrift {
    $sid = [string](Get-State 'AccountSid')
    if (-not $sid) { return @('geen kioskaccount vastgelegd (not installed)') }
    $problems = @()
    $have = @(Get-AccountRights $sid)
    foreach ($r in $DenyRights) { if ($have -notcontains $r) { $problems += "kioskaccount mist het weigerrecht $r (user right removed, e.g. by a domain GPO)" } }
    $allowed = @(@($sid) + $KioskLogonGroupSids | Where-Object { @(Get-AccountRights $_) -contains $InteractiveRight }).Count -gt 0
    if (-not $allowed) { $problems += "kioskaccount mag niet lokaal aanmelden: 'Allow log on locally' ($InteractiveRight) geldt niet voor Users of het account" }
    foreach ($s in @(@($sid) + $KioskLogonGroupSids)) { if (@(Get-AccountRights $s) -contains $DenyInteractiveRight) { $problems += "'Deny log on locally' ($DenyInteractiveRight) geldt voor $s" } }
    if (Get-State 'AppLockerRules') {
        $mode = (Get-CimInstance -ClassName Win32_Service -Filter "Name='AppIDSvc'").StartMode
        if ($mode -ne 'Auto') { $problems += "AppIDSvc (Application Identity) start niet automatisch maar '$mode': AppLocker wordt niet afgedwongen" }
    }
    $appExe = [string](Get-State 'AppExe')
    $shellMode = [string](Get-State 'ShellMode')
    if ($shellMode -eq 'ShellLauncher') {
        try { $problems += @(Test-KioskShell $sid $appExe) } catch { $problems += "Shell Launcher niet leesbaar: $($_.Exception.Message)" }
    } elseif ($shellMode -eq 'UserPolicy') {
        $pol = Join-Path (Join-Path $GpoUsersDir $sid) 'User\Registry.pol'
        $shell = $null
        if (Test-Path -LiteralPath $pol) { $shell = @(ConvertFrom-RegistryPol (Read-FileBytes $pol) | Where-Object { $_.Name -eq 'Shell' -and $_.Key -eq 'Software\Microsoft\Windows\CurrentVersion\Policies\System' }) }
        if (-not $shell -or [string]$shell[0].Value -ne "`"$appExe`"") { $problems += 'de kiosk is niet meer de shell (Custom User Interface in the kiosk GPO)' }
    }
    if ((Get-RegValue 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\System' 'DisableLGPOProcessing') -eq 1) { $problems += 'lokale Group Policy staat uit (DisableLGPOProcessing): de vergrendeling van de kiosk geldt niet' }
    return $problems
}

# The task's action: Ready = 0 and an event on drift. Returns the problems.
function Invoke-DriftAction([string[]] $Problems) {
    if (-not @($Problems).Count) { return }
    if (Test-Path -Path $ProductKey) { Set-RegValue $ProductKey 'Ready' 0 'DWord' }
    $text = "$ProductName is uitgeschakeld (Ready = 0): de instellingen van de kiosk zijn veranderd. Voer install.ps1 opnieuw uit. / The kiosk was switched off because its settings drifted: " + ($Problems -join ' | ')
    if ($text.Length -gt 30000) { $text = $text.Substring(0, 30000) }
    Invoke-Native 'eventcreate.exe' @('/L', 'APPLICATION', '/T', 'ERROR', '/SO', $ProductName, '/ID', "$DriftEventId", '/D', $text) -Check | Out-Null
}

# At start-up and daily at 03:00, as SYSTEM, the admin-owned copy of check.ps1.
function Register-DriftTask {
    Set-State 'DriftTask' 1
    $script = Join-Path $SetupCopyDir 'check.ps1'
    $action = New-ScheduledTaskAction -Execute "$env:SystemRoot\System32\WindowsPowerShell\v1.0\powershell.exe" -Argument "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$script`" -Task"
    $triggers = @((New-ScheduledTaskTrigger -AtStartup), (New-ScheduledTaskTrigger -Daily -At '03:00'))
    Register-ScheduledTask -TaskName $DriftTaskName -Action $action -Trigger $triggers -User 'SYSTEM' -RunLevel Highest -Force | Out-Null
}

function Unregister-DriftTask {
    if (Get-ScheduledTask -TaskName $DriftTaskName -ErrorAction SilentlyContinue) { Unregister-ScheduledTask -TaskName $DriftTaskName -Confirm:$false }
    Remove-State 'DriftTask'
}
