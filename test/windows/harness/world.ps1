# The fake Windows machine the harness runs install.ps1 and uninstall.ps1 against: registry, files with owners
# and ACLs, local accounts, LSA, WMI classes, features, services, tasks, AppLocker, all in memory ($global:W).
# Every fake OS call goes through Enter-Fake, which counts it, logs it and fails it when $global:W.FailAt says so.
# Always $global:W: PowerShell scopes dynamically, so a script's own $w would shadow a plain $W inside the fakes.
Set-StrictMode -Version 3.0

$Admins = 'S-1-5-32-544'; $System = 'S-1-5-18'; $Users = 'S-1-5-32-545'; $Nurse = 'S-1-5-21-9-9-9-1105'
# Keyboard Filter's predefined key names, from Microsoft's "Predefined key combinations" table (WEKF_PredefinedKey.Id).
$PredefinedKeys = @('LShift+LAlt+PrintScrn', 'LShift+LAlt+NumLock', 'Win+U', 'Alt+F4', 'Ctrl+F4', 'Win+F1', 'Alt+Space', 'Ctrl+Esc', 'Ctrl+Win+F',
    'Win+Break', 'Win+E', 'Win+F', 'Win+P', 'Win+R', 'Alt+Tab', 'Ctrl+Tab', 'Win+Tab', 'Win+D', 'Win+M', 'Win+Home', 'Win+T', 'Win+B', 'Win+-',
    'Win++', 'Win+Esc', 'Win+Up', 'Win+Down', 'Win+Left', 'Win+Right', 'Win+Shift+Up', 'Win+Shift+Down', 'Win+Shift+Left', 'Win+Shift+Right',
    'Win+Space', 'Win+O', 'Win+PageUp', 'Win+PageDown', 'Win+.', 'Win+C', 'Win+I', 'Win+K', 'Win+H', 'Win+Q', 'Win+W', 'Win+Z', 'Win+/', 'Win+J',
    'Win+,', 'Win+V', 'Alt', 'Application', 'Ctrl', 'Shift', 'Windows', 'Ctrl+Alt+Del', 'Shift+Ctrl+Esc', 'Win+L', 'LaunchMail',
    'LaunchMediaSelect', 'LaunchApp1', 'LaunchApp2', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserStop', 'BrowserSearch',
    'BrowserFavorites', 'BrowserHome', 'VolumeMute', 'VolumeDown', 'VolumeUp', 'MediaNext', 'MediaPrev', 'MediaStop', 'MediaPlayPause',
    'AltWin', 'CtrlWin', 'ShiftWin', 'F21')
$AppDir = 'C:\Program Files\Wachtwoord vergeten'
$AppExePath = "$AppDir\WachtwoordVergeten.exe"

function New-FakeItem([string] $Path, [string] $Kind, [string] $Owner = $Admins) {
    $global:W.Items[$Path.ToLowerInvariant()] = @{ Path = $Path; Kind = $Kind; Values = [ordered]@{}; Bytes = [byte[]]@(); Owner = $Owner; Acl = @(); Protected = $false; Unreadable = $false }
}
function Set-FakeValue([string] $Key, [string] $Name, $Data, [string] $Type) { $global:W.Items[$Key.ToLowerInvariant()].Values[$Name] = @{ Type = $Type; Data = $Data } }

# Blank-password attempts of every case (not reset by New-World).
if (-not (Test-Path variable:global:Violations)) { $global:Violations = [System.Collections.Generic.List[string]]::new() }

function New-World([int] $Sku = 4) {
    $global:W = @{
        Items = @{}; Users = [ordered]@{}; UsersGroup = [System.Collections.Generic.List[string]]@('S-1-5-4', 'S-1-5-11', 'S-1-12-1-111-222-333-444')
        Sku = $Sku; Features = [ordered]@{ 'Client-EmbeddedShellLauncher' = 'Disabled'; 'Client-KeyboardFilter' = 'Disabled' }; NeedsRestart = @()
        Wesl = [ordered]@{ Enabled = $false; Shells = [ordered]@{} }; WekfKeys = [ordered]@{}; WekfSettings = [ordered]@{ DisableKeyboardFilterForAdministrators = 'false'; ForceOffAccessibility = 'false' }
        AppIdSvc = [ordered]@{ StartMode = 'Manual'; Status = 'Stopped' }; AppLockerLocal = '<AppLockerPolicy Version="1" />'; AppLockerGpo = $null
        Tasks = [ordered]@{}; Profiles = @(); Sessions = @(); NextRid = 1001; Elevated = $true; Actor = $Admins
        Calls = 0; FailAt = 0; Failed = $null; Log = [System.Collections.Generic.List[string]]::new(); Violations = $global:Violations
        HiveUnloadFailures = 0
    }
    foreach ($k in $PredefinedKeys) { $global:W.WekfKeys[$k] = $false }
    foreach ($d in 'C:', 'C:\Windows', 'C:\Windows\System32', 'C:\Windows\Temp', 'C:\Program Files', $AppDir, "$AppDir\resources", "$AppDir\resources\logon-tile", 'C:\Users', 'C:\Users\admin') { New-FakeItem $d 'Dir' $System }
    # ProgramData as Windows ships it: every user may create folders and files in it (and owns what he creates).
    New-FakeItem 'C:\ProgramData' 'Dir' $System
    $global:W.Items['c:\programdata'].Protected = $true
    $global:W.Items['c:\programdata'].Acl = @(@{ Sid = $System; Rights = 'F'; Inherit = $true }, @{ Sid = $Admins; Rights = 'F'; Inherit = $true },
        @{ Sid = $Users; Rights = 'RX'; Inherit = $true }, @{ Sid = $Users; Rights = 'W'; Inherit = $true })
    foreach ($f in $AppExePath, "$AppDir\resources\logon-tile\wachtwoord-vergeten-tile.dll") { New-FakeItem $f 'File' $System; $global:W.Items[$f.ToLowerInvariant()].Bytes = [byte[]](77, 90) }
    New-FakeItem 'C:\Users\admin\ca.pem' 'File'
    $global:W.Items['c:\users\admin\ca.pem'].Bytes = [Text.Encoding]::ASCII.GetBytes("-----BEGIN CERTIFICATE-----`nMIIB`n-----END CERTIFICATE-----`n")
    New-FakeItem 'C:\Users\admin\config.json' 'File'
    $global:W.Items['c:\users\admin\config.json'].Bytes = [Text.Encoding]::ASCII.GetBytes('{"directory":{"type":"ad"}}')
    foreach ($k in 'HKLM', 'HKLM\SOFTWARE', 'HKLM\SOFTWARE\Classes', 'HKLM\SOFTWARE\Classes\CLSID', 'HKLM\SOFTWARE\Microsoft', 'HKLM\SOFTWARE\Microsoft\Windows',
        'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion', 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication',
        'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Authentication\Credential Providers', 'HKLM\SYSTEM', 'HKLM\SYSTEM\CurrentControlSet',
        'HKLM\SYSTEM\CurrentControlSet\Control', 'HKLM\SYSTEM\CurrentControlSet\Control\Lsa', 'HKU') { New-FakeItem $k 'Key' $System }
    Set-FakeValue 'HKLM\SYSTEM\CurrentControlSet\Control\Lsa' 'LimitBlankPasswordUse' 1 'DWord'
    Add-FakeUser 'Administrator' 'S-1-5-21-1-2-3-500' $true
    Add-LogonScreenWorld # fake-logon.ps1
    [WachtwoordVergeten.Lsa]::Reset()
    $global:W.Events = [System.Collections.Generic.List[object]]::new()
    if (Get-Command Set-DefaultLogonRights -ErrorAction SilentlyContinue) { $hook = [WachtwoordVergeten.Lsa]::Hook; [WachtwoordVergeten.Lsa]::Hook = $null; Set-DefaultLogonRights; [WachtwoordVergeten.Lsa]::Hook = $hook }
}

function Add-FakeUser([string] $Name, [string] $Sid, [bool] $Enabled) {
    $global:W.Users[$Name.ToLowerInvariant()] = @{ Name = $Name; Sid = $Sid; Enabled = $Enabled; FullName = ''; Description = ''; PasswordRequired = $true
        PasswordNeverExpires = $false; UserMayChangePassword = $true; AccountNeverExpires = $true; Password = 'Initial-Password-1' }
}

function Enter-Fake([string] $Name, [string] $Detail = '') {
    $global:W.Calls++
    $step = ''
    try { $step = [string](Get-Variable -Name CurrentStep -ValueOnly -ErrorAction Stop) } catch { $step = '' }
    $global:W.Log.Add("$($global:W.Calls) [$step] $Name $Detail")
    if ($global:W.FailAt -and $global:W.Calls -eq $global:W.FailAt) {
        # What a power cut at this call would leave (the script's catch never runs then).
        $enabled = @($global:W.Users.Values | Where-Object { $_.Enabled -and ($_.FullName -in 'Wachtwoord vergeten', 'Kiosk-systeemaccount' -or $_.Name -like 'wwv-*') } | ForEach-Object { $_.Name })
        $product = $global:W.Items['hklm\software\wachtwoord vergeten']
        $ready = $product -and $product.Values.Contains('Ready') -and $product.Values['Ready'].Data -eq 1
        $global:W.Failed = @{ Call = $global:W.Calls; Name = $Name; Step = $step; EnabledAtCut = $enabled; ReadyAtCut = $ready }
        return $true
    }
    return $false
}
# Fake cmdlets throw like a cmdlet under -ErrorAction Stop would.
function Assert-NotInjected([string] $Name, [string] $Detail = '') { if (Enter-Fake $Name $Detail) { throw "injected failure in $Name $Detail" } }

# File contents as text when they are text (kiosk.json, gpt.ini, scripts), else base64 (Registry.pol).
function ConvertTo-Readable([byte[]] $Bytes) {
    foreach ($b in $Bytes) { if (($b -lt 32 -and $b -notin 9, 10, 13) -or $b -gt 126) { return [Convert]::ToBase64String($Bytes) } }
    return 'text:' + [Text.Encoding]::ASCII.GetString($Bytes)
}
# Deep copies, to run many failures from one installed machine.
function Copy-Deep($O) {
    if ($null -eq $O -or $O -is [string] -or $O -is [ValueType]) { return $O }
    if ($O -is [byte[]]) { return , [byte[]]$O.Clone() }
    if ($O -is [System.Collections.Specialized.OrderedDictionary]) { $c = [ordered]@{}; foreach ($k in $O.Keys) { $c[$k] = Copy-Deep $O[$k] }; return $c }
    if ($O -is [hashtable]) { $c = @{}; foreach ($k in $O.Keys) { $c[$k] = Copy-Deep $O[$k] }; return $c }
    if ($O -is [System.Collections.Generic.List[string]]) { return , [System.Collections.Generic.List[string]]::new($O) }
    if ($O -is [array]) { $c = New-Object object[] $O.Length; for ($n = 0; $n -lt $O.Length; $n++) { $c[$n] = Copy-Deep $O[$n] }; return , $c }
    return $O
}
function Save-World {
    $lsa = @{ Secrets = @{}; Rights = @{} }
    foreach ($k in [WachtwoordVergeten.Lsa]::Secrets.Keys) { $lsa.Secrets[$k] = [WachtwoordVergeten.Lsa]::Secrets[$k] }
    foreach ($k in [WachtwoordVergeten.Lsa]::Rights.Keys) { $lsa.Rights[$k] = @([WachtwoordVergeten.Lsa]::Rights[$k]) }
    return @{ W = (Copy-Deep $global:W); Lsa = $lsa }
}
function Restore-World($Saved) {
    $global:W = Copy-Deep $Saved.W
    $global:W.Violations = $global:Violations
    [WachtwoordVergeten.Lsa]::Reset()
    foreach ($k in $Saved.Lsa.Secrets.Keys) { [WachtwoordVergeten.Lsa]::Secrets[$k] = $Saved.Lsa.Secrets[$k] }
    foreach ($k in $Saved.Lsa.Rights.Keys) { [WachtwoordVergeten.Lsa]::Rights[$k] = [System.Collections.Generic.SortedSet[string]]::new([string[]]$Saved.Lsa.Rights[$k]) }
}

# A comparable picture of the machine (everything but the counters and logs).
function Get-WorldSnapshot([switch] $WithSecrets) {
    $items = [ordered]@{}
    foreach ($k in ($global:W.Items.Keys | Sort-Object)) {
        $i = $global:W.Items[$k]
        $items[$i.Path] = [ordered]@{ Kind = $i.Kind; Owner = $i.Owner; Protected = $i.Protected; Acl = @($i.Acl | ForEach-Object { "$($_.Sid):$($_.Rights):$($_.Inherit)" })
            Values = @($i.Values.Keys | ForEach-Object { "$_=$($i.Values[$_].Type):$(@($i.Values[$_].Data) -join '|')" }); Bytes = (ConvertTo-Readable ([byte[]]$i.Bytes)) }
    }
    $users = [ordered]@{}
    foreach ($u in $global:W.Users.Values) {
        $c = [ordered]@{}
        foreach ($k in ($u.Keys | Sort-Object)) { if ($WithSecrets -or $k -ne 'Password') { $c[$k] = $u[$k] } }
        $users[$u.Name] = $c
    }
    $lsa = [WachtwoordVergeten.Lsa]::Snapshot($WithSecrets.IsPresent)
    return ([ordered]@{ Items = $items; Users = $users; UsersGroup = @($global:W.UsersGroup); Features = $global:W.Features; Wesl = $global:W.Wesl; Wekf = $global:W.WekfKeys; WekfSettings = $global:W.WekfSettings
            AppIdSvcStart = $global:W.AppIdSvc.StartMode; AppLocker = ($global:W.AppLockerLocal -replace '<(\w+)([^>]*)></\1>', '<$1$2 />'); Tasks = $global:W.Tasks; Lsa = $lsa } | ConvertTo-Json -Depth 8)
}
