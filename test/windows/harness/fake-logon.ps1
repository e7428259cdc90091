# What the logon screen keeps in the registry, as a Windows 10/11 PC has it before install.ps1 runs: the Winlogon
# key (its SpecialAccounts\UserList subkey, where present, hides accounts from the user list: Microsoft KB 827072),
# LogonUI's key (LastLoggedOn* values, written by LogonUI at each interactive sign-in; observed, see
# resources/windows/lastlogon.ps1), and %ProgramFiles% as Windows records it (ProgramFilesDir, 64-bit view).
# Plus the helpers the logon-screen tests use to install, to play LogonUI and the task scheduler, and to compare.
$LogonUiPath = 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\LogonUI'

function Add-LogonScreenWorld {
    foreach ($k in 'HKLM\SOFTWARE\Microsoft\Windows NT', 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion', 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon', $LogonUiPath) { New-FakeItem $k 'Key' $System }
    Set-FakeValue 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion' 'ProgramFilesDir' 'C:\Program Files' 'String'
}

# LogonUI records a sign-in: a nurse (domain account) through the password provider, or the kiosk through the tile.
$PasswordProvider = '{60B78E88-EAD8-445C-9CFD-0B87F74EA6CD}'
function Set-FakeLastLoggedOn([string] $Provider, [string] $SamUser, [string] $Display, [string] $Sid) {
    foreach ($v in @(@('LastLoggedOnProvider', $Provider), @('LastLoggedOnSAMUser', $SamUser), @('LastLoggedOnUser', $SamUser), @('LastLoggedOnDisplayName', $Display),
            @('LastLoggedOnUserSID', $Sid), @('SelectedUserSID', $Sid))) { Set-FakeValue $LogonUiPath $v[0] $v[1] 'String' }
}
function Set-NurseSignedIn { Set-FakeLastLoggedOn $PasswordProvider 'ZORG\j.jansen' 'Jansen, J.' $Nurse }
function Set-KioskSignedIn {
    $name = Get-ProductValue 'KioskAccount'
    Set-FakeLastLoggedOn '{6D75EE9F-8460-466C-8E35-C5706647502F}' "WARD-PC-12\$name" 'Kiosk-systeemaccount' $global:W.Users[$name.ToLowerInvariant()].Sid
}
function Get-FakeLastLoggedOn { $k = $global:W.Items[$LogonUiPath.ToLowerInvariant()]; return ($k.Values.Keys | Sort-Object | ForEach-Object { "$_=$($k.Values[$_].Data)" }) -join ';' }

# The task scheduler runs a registered task's script as SYSTEM, as powershell.exe -File would.
function Invoke-FakeTask([string] $Name, [int] $FailAt = 0) {
    $task = $global:W.Tasks[$Name]
    if (-not $task) { throw "no task '$Name'" }
    if ($task.Argument -notmatch '-File "C:\\ProgramData\\Wachtwoord vergeten\\setup\\([\w-]+\.ps1)"$') { throw "the task runs $($task.Argument)" }
    $global:W.Actor = $System
    try { return Invoke-Kiosk $Matches[1] @{} -FailAt $FailAt } finally { $global:W.Actor = $Admins }
}

$LogonTask = 'Wachtwoord vergeten - na aanmelden'
$KioskSecretName = 'L$WachtwoordVergetenKiosk'
function Install-Kiosk([hashtable] $Params = $CentralParams) {
    $r = Invoke-Kiosk 'install.ps1' $Params
    Test-Equal 0 $r.Exit "install`n$($r.Output)"
    return $global:W.Users[(Get-ProductValue 'KioskAccount').ToLowerInvariant()]
}
function Test-InStep($U, [string] $What) {
    Test-That ($U.Password.Length -eq 40 -and [WachtwoordVergeten.Lsa]::Secrets[$KioskSecretName] -ceq $U.Password) "$What`: the account and the LSA secret hold the same new password"
}
