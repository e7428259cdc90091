# AppLocker for the kiosk account (Enterprise/Education; enforced by the Application Identity service, AppIDSvc)
# in the LOCAL policy. Executable rules: the kiosk SID may run nothing outside %WINDIR%, its own folder and the
# touch keyboard, and inside %WINDIR% none of $BlockedPrograms, nothing under Microsoft.NET (msbuild,
# installutil, regasm, regsvcs, csc: Microsoft's recommended block rules), OpenSSH, and nothing from folders a
# standard user can write to. Script and Windows Installer rules: the kiosk SID may run none. Packaged-app rules:
# only Windows' own packages (touch keyboard, logon experience). Deny rules name the kiosk SID only; everyone
# else gets Microsoft's default rules where nobody else has rules (never "Allow Everyone: *"). An AppLocker
# policy from MDM (the AppLocker CSP, Intune) is not in Get-AppLockerPolicy -Effective: when one is found, the
# install refuses AppLocker mode (put the kiosk rules in that policy, or -NoAppLocker). Every rule id starts with
# $AppLockerIdPrefix, so uninstall removes exactly ours.
$AppLockerIdPrefix = '5e1f0c4a-7b3d-4d2e-9a61-'
$WindowsPublisher = 'CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US'
$AppLockerWritableWindowsDirs = @('%WINDIR%\Temp\*', '%WINDIR%\Tasks\*', '%WINDIR%\tracing\*', '%WINDIR%\Registration\*', '%WINDIR%\Debug\*',
    '%SYSTEM32%\Tasks\*', '%SYSTEM32%\com\dmp\*', '%SYSTEM32%\FxsTmp\*', '%SYSTEM32%\spool\drivers\color\*', '%SYSTEM32%\spool\PRINTERS\*',
    '%SYSTEM32%\spool\SERVERS\*', '%SYSTEM32%\Microsoft\Crypto\RSA\MachineKeys\*', '%WINDIR%\SysWOW64\Tasks\*', '%WINDIR%\SysWOW64\com\dmp\*',
    '%WINDIR%\SysWOW64\FxsTmp\*')

function ConvertTo-RuleXml([int] $Index, $Spec) {
    $esc = { param($s) [Security.SecurityElement]::Escape([string]$s) }
    $id = $AppLockerIdPrefix + ('{0:x12}' -f $Index)
    $head = '<{0} Id="{1}" Name="{2}: {3} {4}" Description="{2} kiosk (install.ps1)" UserOrGroupSid="{5}" Action="{3}">' -f $Spec.Kind, $id, $ProductName, $Spec.Action, (& $esc $Spec.Label), $Spec.Sid
    if ($Spec.Kind -eq 'FilePathRule') {
        $cond = '<FilePathCondition Path="' + (& $esc $Spec.Path) + '" />'
        $except = @($Spec.Except | ForEach-Object { '<FilePathCondition Path="' + (& $esc $_) + '" />' }) -join ''
    } else {
        $pub = { param($p) '<FilePublisherCondition PublisherName="' + (& $esc $p) + '" ProductName="*" BinaryName="*"><BinaryVersionRange LowSection="0.0.0.0" HighSection="*" /></FilePublisherCondition>' }
        $cond = & $pub $Spec.Path
        $except = @($Spec.Except | ForEach-Object { & $pub $_ }) -join ''
    }
    $x = $head + '<Conditions>' + $cond + '</Conditions>'
    if ($except) { $x += '<Exceptions>' + $except + '</Exceptions>' }
    return $x + '</' + $Spec.Kind + '>'
}

# Microsoft's default rules ("Understanding AppLocker default rules", learn.microsoft.com): everyone else keeps
# Windows and Program Files (and signed installers), administrators everything. Added only to a collection nobody
# else has rules in, instead of an "Allow Everyone: *" that a later domain or MDM allow-list would merge with and
# so open the whole PC.
function Get-AppLockerDefaultSpecs([string] $Type) {
    $everyone = 'S-1-1-0'
    $path = { param($sid, $p) @{ Kind = 'FilePathRule'; Action = 'Allow'; Sid = $sid; Path = $p; Label = "default $p"; Except = @() } }
    switch ($Type) {
        'Appx' { return @(@{ Kind = 'FilePublisherRule'; Action = 'Allow'; Sid = $everyone; Path = '*'; Label = 'default: all signed packaged apps'; Except = @() }) }
        'Msi' { return @((& $path $everyone '%WINDIR%\Installer\*'), (& $path $AdminsSid '*.*'), @{ Kind = 'FilePublisherRule'; Action = 'Allow'; Sid = $everyone; Path = '*'; Label = 'default: all signed installers'; Except = @() }) }
        default { return @((& $path $everyone '%PROGRAMFILES%\*'), (& $path $everyone '%WINDIR%\*'), (& $path $AdminsSid '*')) }
    }
}

# The rules of one collection ('Exe', 'Script', 'Msi' or 'Appx'). $Defaults: nobody else has rules in it.
function Get-AppLockerKioskRules([string] $Type, [string] $Sid, [string] $AppDir, [bool] $Defaults) {
    $specs = @()
    if ($Defaults) { $specs += @(Get-AppLockerDefaultSpecs $Type) }
    $deny = { param($p, $except) @{ Kind = 'FilePathRule'; Action = 'Deny'; Sid = $Sid; Path = $p; Label = $p; Except = @($except) } }
    switch ($Type) {
        'Exe' {
            $specs += @{ Kind = 'FilePathRule'; Action = 'Allow'; Sid = $Sid; Path = (Join-Path $AppDir '*'); Label = 'the kiosk app'; Except = @() }
            $specs += & $deny '*' @('%WINDIR%\*', (Join-Path $AppDir '*'), '%PROGRAMFILES%\Common Files\microsoft shared\ink\*')
            $paths = @('%SYSTEM32%\WindowsPowerShell\*', '%WINDIR%\SysWOW64\WindowsPowerShell\*', '%WINDIR%\Microsoft.NET\*', '%SYSTEM32%\wbem\WMIC.exe', '%WINDIR%\SysWOW64\wbem\WMIC.exe', '%SYSTEM32%\OpenSSH\*')
            foreach ($p in $BlockedPrograms) { $paths += @("%WINDIR%\$p", "%SYSTEM32%\$p", "%WINDIR%\SysWOW64\$p") }
            foreach ($p in ($paths + $AppLockerWritableWindowsDirs)) { $specs += & $deny $p @() }
            $first = 1
        }
        'Appx' {
            $specs += @{ Kind = 'FilePublisherRule'; Action = 'Deny'; Sid = $Sid; Path = '*'; Label = 'packaged apps except Windows'; Except = @($WindowsPublisher) }
            $first = 0x1000 # ids of the collections never collide
        }
        # The kiosk runs no script and installs nothing.
        'Script' { $specs += & $deny '*' @(); $first = 0x2000 }
        'Msi' { $specs += & $deny '*' @(); $first = 0x3000 }
    }
    $rules = @()
    for ($i = 0; $i -lt $specs.Count; $i++) { $rules += ConvertTo-RuleXml ($first + $i) $specs[$i] }
    return $rules
}

# AppLocker from MDM: the CSP's nodes under HKLM\SOFTWARE\Microsoft\PolicyManager, and the MDM bridge's WMI
# classes (root\cimv2\mdm\dmmap, "MDM Bridge WMI Provider", learn.microsoft.com). The bridge answers only SYSTEM
# on an enrolled PC; an error there (not enrolled, or run as an administrator) leaves the registry to tell.
$MdmAppLockerClasses = @('MDM_AppLocker_ApplicationLaunchRestrictions01_EXE03', 'MDM_AppLocker_ApplicationLaunchRestrictions01_StoreApps03', 'MDM_AppLocker_MSI03', 'MDM_AppLocker_Script03', 'MDM_AppLocker_DLL03')
function Get-MdmAppLocker {
    $found = @()
    $pm = 'HKLM:\SOFTWARE\Microsoft\PolicyManager'
    if (Test-Path -Path $pm) { $found += @(Get-ChildItem -LiteralPath $pm -Recurse | Where-Object { ($_.Name -split '\\')[-1] -eq 'AppLocker' } | ForEach-Object { "registry $($_.Name)" }) }
    foreach ($c in $MdmAppLockerClasses) {
        $i = @()
        try { $i = @(Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName $c -ErrorAction Stop | Where-Object { $_.Policy }) } catch { $i = @() }
        if ($i.Count) { $found += "MDM bridge $c" }
    }
    return $found
}

function Get-LocalAppLockerXml { return [xml](Get-AppLockerPolicy -Local -Xml) }
function Set-LocalAppLockerXml([xml] $Policy) {
    # Set-AppLockerPolicy without -Merge replaces the local policy with this whole document. The file is in the
    # admin-only settings folder: in %TEMP% of SYSTEM or %WINDIR%\Temp a user could swap it before it is read.
    $file = Join-Path $SettingsDir 'applocker-policy.xml'
    try { Write-FileBytes $file ([Text.Encoding]::UTF8.GetBytes($Policy.OuterXml)); Set-AppLockerPolicy -XmlPolicy $file }
    finally { if (Test-Path -LiteralPath $file) { Remove-Item -LiteralPath $file -Force } }
}
function Get-RuleCollection([xml] $Policy, [string] $Type, [switch] $Create) {
    $c = $Policy.SelectSingleNode("/AppLockerPolicy/RuleCollection[@Type='$Type']")
    if (-not $c -and $Create) {
        $c = $Policy.CreateElement('RuleCollection')
        $c.SetAttribute('Type', $Type)
        $c.SetAttribute('EnforcementMode', 'NotConfigured')
        [void]$Policy.DocumentElement.AppendChild($c)
    }
    return $c
}
$AppLockerTypes = @('Exe', 'Script', 'Msi', 'Appx') # not Dll: every DLL load would be checked (Microsoft warns of the cost)
$OursXPath = "*[starts-with(@Id,'$AppLockerIdPrefix')]"

function Set-KioskAppLocker([string] $Sid, [string] $AppDir) {
    $effective = [xml](Get-AppLockerPolicy -Effective -Xml)
    $policy = Get-LocalAppLockerXml
    $expected = @()
    foreach ($type in $AppLockerTypes) {
        $others = 0
        $eff = Get-RuleCollection $effective $type
        if ($eff) { $others = $eff.SelectNodes("*[not(starts-with(@Id,'$AppLockerIdPrefix'))]").Count }
        $existing = Get-RuleCollection $policy $type
        if ($null -eq (Get-State "AppLocker${type}ModePrevious")) { Set-State "AppLocker${type}ModePrevious" $(if ($existing) { $existing.GetAttribute('EnforcementMode') } else { 'Absent' }) }
        $coll = Get-RuleCollection $policy $type -Create
        foreach ($old in @($coll.SelectNodes($OursXPath))) { [void]$coll.RemoveChild($old) }
        $fragment = [xml]('<Rules>' + ((Get-AppLockerKioskRules $type $Sid $AppDir ($others -eq 0)) -join '') + '</Rules>')
        foreach ($r in @($fragment.DocumentElement.ChildNodes)) { [void]$coll.AppendChild($policy.ImportNode($r, $true)); $expected += $r.GetAttribute('Id') }
        # Rules from a GPO already in effect: theirs decide the mode (in "Audit only" ours only log: docs).
        if ($others -eq 0) { $coll.SetAttribute('EnforcementMode', 'Enabled') } else { Write-Step "AppLocker ${type}: rules from elsewhere are in effect; ours were added for the kiosk account only." }
    }
    Set-State 'AppLockerRules' 1
    Set-LocalAppLockerXml $policy
    # AppIDSvc enforces; Set-Service cannot change this protected service's start type, sc.exe can.
    $prev = (Get-CimInstance -ClassName Win32_Service -Filter "Name='AppIDSvc'").StartMode
    if ($prev -ne 'Auto') {
        if ($null -eq (Get-State 'AppIdSvcStartPrevious')) { Set-State 'AppIdSvcStartPrevious' $(if ($prev -eq 'Disabled') { 'disabled' } else { 'demand' }) }
        Invoke-Native 'sc.exe' @('config', 'AppIDSvc', 'start=', 'auto') -Check | Out-Null
    }
    Start-Service -Name AppIDSvc
    return $expected
}

function Test-KioskAppLocker([string[]] $ExpectedIds) {
    $policy = Get-LocalAppLockerXml
    $problems = @()
    foreach ($id in $ExpectedIds) { if (-not $policy.SelectSingleNode("//*[@Id='$id']")) { $problems += "AppLocker rule $id" } }
    if ((Get-Service -Name AppIDSvc).Status -ne 'Running') { $problems += 'AppIDSvc is not running' }
    return $problems
}

function Remove-KioskAppLocker {
    $policy = Get-LocalAppLockerXml
    foreach ($type in $AppLockerTypes) {
        $coll = Get-RuleCollection $policy $type
        if (-not $coll) { continue }
        foreach ($r in @($coll.SelectNodes($OursXPath))) { [void]$coll.RemoveChild($r) }
        $mode = Get-State "AppLocker${type}ModePrevious"
        if ($mode -eq 'Absent' -and -not $coll.HasChildNodes) { [void]$policy.DocumentElement.RemoveChild($coll) }
        elseif ($mode -and $mode -ne 'Absent') { $coll.SetAttribute('EnforcementMode', $mode) }
    }
    Set-LocalAppLockerXml $policy
    $svc = Get-State 'AppIdSvcStartPrevious'
    if ($svc) { Invoke-Native 'sc.exe' @('config', 'AppIDSvc', 'start=', $svc) -Check | Out-Null }
}
