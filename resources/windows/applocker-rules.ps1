# AppLocker rules (applocker.ps1 puts them in the local policy): the XML of one rule, Microsoft's default rules for
# everyone else, the kiosk SID's allow and deny rules per collection, and the check for AppLocker from MDM.
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
# on an enrolled PC; an error there (not enrolled, or run as an administrator) leaves the registry to tell. A
# subkey an administrator may not read is skipped, not fatal.
$MdmAppLockerClasses = @('MDM_AppLocker_ApplicationLaunchRestrictions01_EXE03', 'MDM_AppLocker_ApplicationLaunchRestrictions01_StoreApps03', 'MDM_AppLocker_MSI03', 'MDM_AppLocker_Script03', 'MDM_AppLocker_DLL03')
function Get-MdmAppLocker {
    $found = @()
    $pm = 'HKLM:\SOFTWARE\Microsoft\PolicyManager'
    if (Test-Path -Path $pm) { $found += @(Get-ChildItem -LiteralPath $pm -Recurse -ErrorAction SilentlyContinue | Where-Object { ($_.Name -split '\\')[-1] -eq 'AppLocker' } | ForEach-Object { "registry $($_.Name)" }) }
    foreach ($c in $MdmAppLockerClasses) {
        $i = @()
        try { $i = @(Get-CimInstance -Namespace 'root\cimv2\mdm\dmmap' -ClassName $c -ErrorAction Stop | Where-Object { $_.Policy }) } catch { $i = @() }
        if ($i.Count) { $found += "MDM bridge $c" }
    }
    return $found
}
function Assert-NoMdmAppLocker {
    $mdm = @(Get-MdmAppLocker)
    if ($mdm.Count) { throw "AppLocker is managed by MDM (Intune, AppLocker CSP) on this PC ($($mdm -join '; ')): local rules would not combine with it predictably. Put the kiosk rules in that MDM policy (docs/windows-kiosk.md) and run with -NoAppLocker." }
}
