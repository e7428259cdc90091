# What a finished install must look like at the logon screen (part of Test-Installed): the kiosk account hidden
# from the user list, the values the tile proves at every sign-in, and the SYSTEM logon task.
function Test-LogonScreen($U, [string] $Edition) {
    $list = $global:W.Items['hklm\software\microsoft\windows nt\currentversion\winlogon\specialaccounts\userlist']
    Test-That ($list -and $list.Values.Contains($U.Name) -and $list.Values[$U.Name].Type -eq 'DWord' -and $list.Values[$U.Name].Data -eq 0) "the kiosk account is hidden (SpecialAccounts\UserList $($U.Name) = 0)"
    Test-Equal $U.Sid (Get-ProductValue 'KioskSid') 'KioskSid for the tile'
    Test-Equal "`"$AppExePath`"" (Get-ProductValue 'KioskShell') 'KioskShell for the tile: the exact shell command'
    Test-Equal $(if ($Edition -eq 'Pro') { 'UserPolicy' } else { 'ShellLauncher' }) (Get-ProductValue 'ShellMode') 'ShellMode for the tile'
    Test-Equal $(if ($Edition -eq 'Pro') { 0 } else { 1 }) (Get-ProductValue 'AppLocker') 'AppLocker for the tile'
    $task = $global:W.Tasks['Wachtwoord vergeten - na aanmelden']
    Test-That ($task -and $task.User -eq 'SYSTEM' -and $task.RunLevel -eq 'Highest') 'the logon task runs as SYSTEM'
    if (-not $task) { return }
    Test-Equal 'AtStartup,AtLogOn delay PT30S' $task.Trigger 'the logon task runs at startup and 30 s after every sign-in'
    Test-That ($task.Argument -match '-File "C:\\ProgramData\\Wachtwoord vergeten\\setup\\kiosk-task\.ps1"$') 'the logon task runs the admin-owned copy of kiosk-task.ps1'
}
