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
