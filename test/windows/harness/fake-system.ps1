# CIM/WMI (edition, services, profiles, Shell Launcher WESL_UserSetting, Keyboard Filter WEKF_*), optional
# features, AppIDSvc and sc.exe, scheduled tasks, AppLocker, sessions, reg.exe. An injected failure makes a CIM
# method return a failing ReturnValue (E_FAIL) and an executable exit non-zero with a stderr line.
$E_FAIL = 0x80004005; $E_NOTFOUND = 0x80070490; $E_EXISTS = 0x800700B7

function Assert-EmbeddedClass([string] $Class) {
    $feature = $(if ($Class -like 'WESL*') { 'Client-EmbeddedShellLauncher' } else { 'Client-KeyboardFilter' })
    if ($global:W.Features[$feature] -ne 'Enabled') { throw "Invalid class $Class (feature $feature is $($global:W.Features[$feature]))" }
}
function global:Get-CimInstance { [CmdletBinding()] param([string] $ClassName, [string] $Namespace, [string] $Filter)
    Assert-NotInjected 'Get-CimInstance' "$ClassName $Filter"
    $id = $(if ($Filter -match "='([^']*)'") { $Matches[1] } else { $null })
    switch ($ClassName) {
        'Win32_OperatingSystem' { return [pscustomobject]@{ OperatingSystemSKU = $global:W.Sku } }
        'Win32_Service' { return [pscustomobject]@{ Name = 'AppIDSvc'; StartMode = $global:W.AppIdSvc.StartMode } }
        'Win32_UserProfile' { return @($global:W.Profiles | ForEach-Object { [pscustomobject]$_ }) }
        'WESL_UserSetting' { Assert-EmbeddedClass $ClassName; return @($global:W.Wesl.Shells.Keys | ForEach-Object { [pscustomobject]@{ Sid = $_ } }) }
        'WEKF_PredefinedKey' { Assert-EmbeddedClass $ClassName; return @($global:W.WekfKeys.Keys | Where-Object { $_ -ceq $id } | ForEach-Object { [pscustomobject]@{ Id = $_; Enabled = $global:W.WekfKeys[$_] } }) }
        'WEKF_Settings' { Assert-EmbeddedClass $ClassName; return @($global:W.WekfSettings.Keys | Where-Object { $_ -eq $id } | ForEach-Object { [pscustomobject]@{ Name = $_; Value = $global:W.WekfSettings[$_] } }) }
    }
    throw "Get-CimInstance: class $ClassName is not modelled"
}
function global:Set-CimInstance { [CmdletBinding()] param($InputObject, [hashtable] $Property)
    Assert-NotInjected 'Set-CimInstance' $InputObject.Name
    $global:W.WekfSettings[$InputObject.Name] = [string]$Property.Value
}
function global:Remove-CimInstance { [CmdletBinding()] param($InputObject)
    Assert-NotInjected 'Remove-CimInstance' $InputObject.SID
    $global:W.Profiles = @($global:W.Profiles | Where-Object { $_.SID -ne $InputObject.SID })
}
function global:Invoke-CimMethod { [CmdletBinding()] param([string] $Namespace, [string] $ClassName, [string] $MethodName, [hashtable] $Arguments)
    $r = @{ ReturnValue = 0 }
    if (Enter-Fake 'Invoke-CimMethod' "$ClassName.$MethodName $(@($Arguments.Values) -join ',')") { return [pscustomobject]@{ ReturnValue = $E_FAIL } }
    Assert-EmbeddedClass $ClassName
    $a = $Arguments
    switch ("$ClassName.$MethodName") {
        'WESL_UserSetting.IsEnabled' { $r.Enabled = $global:W.Wesl.Enabled }
        'WESL_UserSetting.SetEnabled' { $global:W.Wesl.Enabled = [bool]$a.Enabled }
        'WESL_UserSetting.GetCustomShell' {
            if ($global:W.Wesl.Shells.Contains($a.Sid)) { $r += $global:W.Wesl.Shells[$a.Sid] } else { $r.ReturnValue = $E_NOTFOUND }
        }
        'WESL_UserSetting.SetCustomShell' {
            if ($global:W.Wesl.Shells.Contains($a.Sid)) { $r.ReturnValue = $E_EXISTS }
            else { $global:W.Wesl.Shells[$a.Sid] = @{ Shell = $a.Shell; CustomReturnCodes = @($a.CustomReturnCodes); CustomReturnCodesAction = @($a.CustomReturnCodesAction); DefaultAction = $a.DefaultAction } }
        }
        'WESL_UserSetting.RemoveCustomShell' { if ($global:W.Wesl.Shells.Contains($a.Sid)) { $global:W.Wesl.Shells.Remove($a.Sid) } else { $r.ReturnValue = $E_NOTFOUND } }
        'WEKF_PredefinedKey.Enable' { if ($global:W.WekfKeys.Contains($a.PredefinedKey)) { $global:W.WekfKeys[$a.PredefinedKey] = $true } else { $r.ReturnValue = $E_NOTFOUND } }
        'WEKF_PredefinedKey.Disable' { if ($global:W.WekfKeys.Contains($a.PredefinedKey)) { $global:W.WekfKeys[$a.PredefinedKey] = $false } else { $r.ReturnValue = $E_NOTFOUND } }
        default { throw "Invoke-CimMethod: $ClassName.$MethodName is not modelled" }
    }
    return [pscustomobject]$r
}

function global:Get-WindowsOptionalFeature { [CmdletBinding()] param([switch] $Online, [string] $FeatureName)
    Assert-NotInjected 'Get-WindowsOptionalFeature' $FeatureName
    return [pscustomobject]@{ FeatureName = $FeatureName; State = $global:W.Features[$FeatureName] }
}
function global:Enable-WindowsOptionalFeature { [CmdletBinding()] param([switch] $Online, [string] $FeatureName, [switch] $All, [switch] $NoRestart)
    Assert-NotInjected 'Enable-WindowsOptionalFeature' $FeatureName
    $restart = $global:W.NeedsRestart -contains $FeatureName
    $global:W.Features[$FeatureName] = $(if ($restart) { 'EnablePending' } else { 'Enabled' })
    return [pscustomobject]@{ RestartNeeded = $restart }
}
function global:Disable-WindowsOptionalFeature { [CmdletBinding()] param([switch] $Online, [string] $FeatureName, [switch] $NoRestart)
    Assert-NotInjected 'Disable-WindowsOptionalFeature' $FeatureName
    $global:W.Features[$FeatureName] = 'Disabled'
    return [pscustomobject]@{ RestartNeeded = $false }
}

function global:Get-Service { [CmdletBinding()] param([string] $Name) Assert-NotInjected 'Get-Service' $Name; return [pscustomobject]@{ Name = $Name; Status = $global:W.AppIdSvc.Status } }
function global:Start-Service { [CmdletBinding()] param([string] $Name) Assert-NotInjected 'Start-Service' $Name; $global:W.AppIdSvc.Status = 'Running' }
function global:sc.exe {
    if (Enter-Fake 'sc.exe' ($args -join ' ')) { Write-Error '[SC] OpenService FAILED 5: Access is denied.'; $global:LASTEXITCODE = 5; return }
    $global:W.AppIdSvc.StartMode = @{ auto = 'Auto'; demand = 'Manual'; disabled = 'Disabled' }[$args[3]]
    $global:LASTEXITCODE = 0
}

function global:New-ScheduledTaskAction { [CmdletBinding()] param([string] $Execute, [string] $Argument) Assert-NotInjected 'New-ScheduledTaskAction'; return @{ Execute = $Execute; Argument = $Argument } }
function global:New-ScheduledTaskTrigger { [CmdletBinding()] param([switch] $AtStartup) Assert-NotInjected 'New-ScheduledTaskTrigger'; return 'AtStartup' }
function global:Register-ScheduledTask { [CmdletBinding()] param([string] $TaskName, $Action, $Trigger, [string] $User, [string] $RunLevel, [switch] $Force)
    Assert-NotInjected 'Register-ScheduledTask' $TaskName
    $global:W.Tasks[$TaskName] = @{ Execute = $Action.Execute; Argument = $Action.Argument; Trigger = $Trigger; User = $User; RunLevel = $RunLevel }
}
function global:Unregister-ScheduledTask { [CmdletBinding()] param([string] $TaskName, [switch] $Confirm)
    Assert-NotInjected 'Unregister-ScheduledTask' $TaskName
    if (-not $global:W.Tasks.Contains($TaskName)) { throw "No MSFT_ScheduledTask objects found with property 'TaskName' equal to '$TaskName'." }
    $global:W.Tasks.Remove($TaskName)
}
function global:Get-ScheduledTask { [CmdletBinding()] param([string] $TaskName)
    Assert-NotInjected 'Get-ScheduledTask' $TaskName
    if (-not $global:W.Tasks.Contains($TaskName)) { Write-Error "No MSFT_ScheduledTask objects found with property 'TaskName' equal to '$TaskName'."; return }
    return [pscustomobject]@{ TaskName = $TaskName }
}

# Effective policy = local + a GPO's collections (merged by collection type, as Windows does).
function global:Get-AppLockerPolicy { [CmdletBinding()] param([switch] $Local, [switch] $Effective, [switch] $Xml)
    Assert-NotInjected 'Get-AppLockerPolicy' $(if ($Local) { 'local' } else { 'effective' })
    if ($Local -or -not $global:W.AppLockerGpo) { return $global:W.AppLockerLocal }
    $doc = [xml]$global:W.AppLockerLocal
    foreach ($c in ([xml]$global:W.AppLockerGpo).AppLockerPolicy.SelectNodes('RuleCollection')) {
        $mine = $doc.SelectSingleNode("/AppLockerPolicy/RuleCollection[@Type='$($c.Type)']")
        if (-not $mine) { $mine = $doc.DocumentElement.AppendChild($doc.ImportNode($c, $false)) }
        foreach ($r in $c.ChildNodes) { [void]$mine.AppendChild($doc.ImportNode($r, $true)) }
    }
    return $doc.OuterXml
}
function global:Set-AppLockerPolicy { [CmdletBinding()] param([string] $XmlPolicy)
    Assert-NotInjected 'Set-AppLockerPolicy' $XmlPolicy
    $global:W.AppLockerLocal = ([xml][Text.Encoding]::UTF8.GetString((Get-FakeItem $XmlPolicy).Bytes)).OuterXml
}

function global:Get-Process { [CmdletBinding()] param([switch] $IncludeUserName) Assert-NotInjected 'Get-Process'; return @($global:W.Sessions | ForEach-Object { [pscustomobject]$_ }) }
function global:logoff.exe { if (Enter-Fake 'logoff.exe' "$args") { $global:LASTEXITCODE = 1; return }; $id = "$($args[0])"; $global:W.Sessions = @($global:W.Sessions | Where-Object { "$($_.SessionId)" -ne $id }); $global:LASTEXITCODE = 0 }
function global:Start-Sleep { param([int] $Seconds) }
# reg.exe load/unload for the 0.1.0 hive clean-up: the first $global:W.HiveUnloadFailures unloads fail with a stderr line.
function global:reg.exe {
    if (Enter-Fake 'reg.exe' ($args -join ' ')) { Write-Error 'ERROR: injected'; $global:LASTEXITCODE = 1; return }
    if ($args[0] -eq 'unload' -and $global:W.HiveUnloadFailures -gt 0) { $global:W.HiveUnloadFailures--; Write-Error 'ERROR: Access is denied.'; $global:LASTEXITCODE = 1; return }
    $norm = ConvertTo-FakePath $args[1]
    if ($args[0] -eq 'load') { New-FakeItem $norm 'Key' $System } else { foreach ($c in @(Get-FakeChildren $norm -Recurse)) { $global:W.Items.Remove($c.Path.ToLowerInvariant()) }; $global:W.Items.Remove($norm.ToLowerInvariant()) }
    $global:LASTEXITCODE = 0
}
