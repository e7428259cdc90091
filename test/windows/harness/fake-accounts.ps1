# Local accounts (Microsoft.PowerShell.LocalAccounts), BUILTIN\Users, net.exe and whoami.exe over $global:W.Users.
# A blank password, -NoPassword or "/passwordreq:no" is recorded in $global:W.Violations: the harness asserts none.

function Find-FakeUser([string] $Name, [string] $Sid) {
    if ($Name) { return $global:W.Users[$Name.ToLowerInvariant()] }
    return @($global:W.Users.Values | Where-Object { $_.Sid -eq $Sid }) | Select-Object -First 1
}
function ConvertTo-LocalUser($U) {
    $expires = $null
    if (-not $U.PasswordNeverExpires) { $expires = [datetime]'2030-01-01' }
    return [pscustomobject]@{ Name = $U.Name; SID = [pscustomobject]@{ Value = $U.Sid }; Enabled = $U.Enabled; FullName = $U.FullName; Description = $U.Description
        PasswordRequired = $U.PasswordRequired; UserMayChangePassword = $U.UserMayChangePassword; PasswordExpires = $expires }
}
function Set-FakePassword($U, [securestring] $Password) {
    $plain = [WachtwoordVergeten.Lsa]::Plain($Password)
    if (-not $plain) { $global:W.Violations.Add("blank password for $($U.Name)") }
    $U.Password = $plain
}
function Get-TargetUser([string] $Name, [string] $Sid, [string] $Cmd) {
    Assert-NotInjected $Cmd "$Name$Sid"
    $u = Find-FakeUser $Name $Sid
    if (-not $u) { throw "User $Name$Sid was not found." }
    return $u
}

function global:Get-LocalUser { [CmdletBinding()] param([string] $Name, [string] $SID)
    Assert-NotInjected 'Get-LocalUser' "$Name$SID"
    $u = Find-FakeUser $Name $SID
    if (-not $u) { Write-Error "User $Name$SID was not found."; return }
    return ConvertTo-LocalUser $u
}
function global:New-LocalUser { [CmdletBinding()] param([string] $Name, [securestring] $Password, [switch] $NoPassword, [switch] $Disabled, [string] $FullName,
        [string] $Description, [switch] $AccountNeverExpires, [switch] $PasswordNeverExpires, [switch] $UserMayNotChangePassword)
    Assert-NotInjected 'New-LocalUser' $Name
    if ($NoPassword) { $global:W.Violations.Add("New-LocalUser -NoPassword $Name") }
    if ($global:W.Users.Contains($Name.ToLowerInvariant())) { throw "User $Name already exists." }
    $sid = "S-1-5-21-1-2-3-$($global:W.NextRid)"
    $global:W.NextRid++
    Add-FakeUser $Name $sid (-not $Disabled)
    $u = $global:W.Users[$Name.ToLowerInvariant()]
    $u.FullName = $FullName; $u.Description = $Description; $u.PasswordNeverExpires = [bool]$PasswordNeverExpires; $u.UserMayChangePassword = -not $UserMayNotChangePassword
    if ($Password) { Set-FakePassword $u $Password } else { $u.Password = ''; $u.PasswordRequired = $false }
    return ConvertTo-LocalUser $u
}
function global:Set-LocalUser { [CmdletBinding()] param([string] $Name, [string] $SID, [securestring] $Password, [string] $FullName, [string] $Description,
        [switch] $AccountNeverExpires, $PasswordNeverExpires, $UserMayChangePassword)
    $u = Get-TargetUser $Name $SID 'Set-LocalUser'
    if ($PSBoundParameters.ContainsKey('Password')) { Set-FakePassword $u $Password }
    if ($PSBoundParameters.ContainsKey('FullName')) { $u.FullName = $FullName }
    if ($PSBoundParameters.ContainsKey('Description')) { $u.Description = $Description }
    if ($null -ne $PasswordNeverExpires) { $u.PasswordNeverExpires = [bool]$PasswordNeverExpires }
    if ($null -ne $UserMayChangePassword) { $u.UserMayChangePassword = [bool]$UserMayChangePassword }
}
function global:Enable-LocalUser { [CmdletBinding()] param([string] $SID) (Get-TargetUser '' $SID 'Enable-LocalUser').Enabled = $true }
function global:Disable-LocalUser { [CmdletBinding()] param([string] $SID) (Get-TargetUser '' $SID 'Disable-LocalUser').Enabled = $false }
function global:Rename-LocalUser { [CmdletBinding()] param([string] $SID, [string] $NewName)
    $u = Get-TargetUser '' $SID 'Rename-LocalUser'
    if ($global:W.Users.Contains($NewName.ToLowerInvariant())) { throw "User $NewName already exists." }
    $global:W.Users.Remove($u.Name.ToLowerInvariant())
    $u.Name = $NewName
    $global:W.Users[$NewName.ToLowerInvariant()] = $u
}
function global:Remove-LocalUser { [CmdletBinding()] param([string] $SID)
    $u = Get-TargetUser '' $SID 'Remove-LocalUser'
    $global:W.Users.Remove($u.Name.ToLowerInvariant())
    [void]$global:W.UsersGroup.Remove($u.Sid) # Windows drops a deleted account's memberships
}

function global:Add-LocalGroupMember { [CmdletBinding()] param([string] $SID, [string] $Member)
    Assert-NotInjected 'Add-LocalGroupMember' $Member
    if ($SID -ne $Users) { throw "only BUILTIN\Users is modelled" }
    if ($global:W.UsersGroup.Contains($Member)) {
        $PSCmdlet.WriteError((New-Object Management.Automation.ErrorRecord (New-Object Exception "$Member is already a member of group Users."), 'MemberExists', 'ResourceExists', $Member))
        return
    }
    $global:W.UsersGroup.Add($Member)
}
function global:Remove-LocalGroupMember { [CmdletBinding()] param([string] $SID, [string] $Member)
    Assert-NotInjected 'Remove-LocalGroupMember' $Member
    if (-not $global:W.UsersGroup.Remove($Member)) { $PSCmdlet.WriteError((New-Object Management.Automation.ErrorRecord (New-Object Exception 'not a member'), 'MemberNotFound', 'ObjectNotFound', $Member)) }
}
# As on a PC whose Users group holds an orphaned or Entra ID SID: the cmdlet fails (the scripts must not need it).
function global:Get-LocalGroupMember { [CmdletBinding()] param([string] $SID) Enter-Fake 'Get-LocalGroupMember' | Out-Null; throw 'Failed to compare two elements in the array.' }

# net user <name> /passwordreq:yes|no
function global:net.exe {
    if (Enter-Fake 'net.exe' ($args -join ' ')) { Write-Error 'System error 5 has occurred.'; $global:LASTEXITCODE = 2; return }
    $u = Find-FakeUser $args[1] ''
    if ($args[0] -ne 'user' -or -not $u) { Write-Error 'The user name could not be found.'; $global:LASTEXITCODE = 2; return }
    foreach ($a in $args[2..($args.Count - 1)]) {
        if ($a -eq '/passwordreq:no') { $global:W.Violations.Add("net user $($u.Name) /passwordreq:no"); $u.PasswordRequired = $false }
        elseif ($a -eq '/passwordreq:yes') { $u.PasswordRequired = $true }
        else { Write-Error "net.exe: option $a is not modelled"; $global:LASTEXITCODE = 1; return }
    }
    $global:LASTEXITCODE = 0
}
function global:whoami.exe {
    if (Enter-Fake 'whoami.exe' ($args -join ' ')) { Write-Error 'ERROR: injected'; $global:LASTEXITCODE = 1; return }
    if ($global:W.Elevated) { 'Mandatory Label\High Mandatory Level  Label  S-1-16-12288' }
    else { 'Mandatory Label\Medium Mandatory Level  Label  S-1-16-8192' }
    $global:LASTEXITCODE = 0
}
