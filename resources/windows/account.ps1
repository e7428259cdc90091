# The local kiosk account: created DISABLED with a random SAM name ("wwv-" + 8), a neutral full name (nothing like
# the tile's "Wachtwoord vergeten"), hidden from the logon screen's user list, a new random password at every
# install or repair (secret.ps1) and after every kiosk sign-in (logon-task.ps1), console logon only (deny rights).
# It is enabled by install.ps1 as the very last step, after everything else has been read back.
# Record: AccountName/AccountSid (current), AccountSids/AccountNames (every one ever used), CreatedSids, AddedToUsers,
# DenyRightsAdded ("sid|right"), Adopted* (the flags of an account that existed before, restored on uninstall).
$AccountDescription = 'Wachtwoord-reset kiosk, geen rechten'
$KioskFullName = 'Kiosk-systeemaccount'
# Winlogon's list of accounts not shown on the Welcome/logon screen: a DWORD named like the account, 0 = hidden
# (Microsoft, "Winlogon SpecialAccounts UserList", KB 827072 for Windows XP; still read by LogonUI on Windows 10/11).
# Recorded: HiddenNames ("sid|name"), UserListKept (a value an administrator had set first), CreatedSpecialAccounts.
$SpecialAccountsKey = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts'
$UserListKey = "$SpecialAccountsKey\UserList"

function Get-UserBySid([string] $Sid) { if (-not $Sid) { return $null }; return Get-LocalUser -SID $Sid -ErrorAction SilentlyContinue }
function Get-UserByName([string] $Name) { return Get-LocalUser -Name $Name -ErrorAction SilentlyContinue }

# Which account: -AccountName if given (created, or adopted when it exists), else the one recorded, else a new one.
# An account whose creation was recorded (PendingAccount) but not finished: ours, recorded by SID now.
function Complete-PendingAccount {
    $pending = Get-State 'PendingAccount'
    if (-not $pending) { return }
    $u = Get-UserByName $pending
    if ($u -and (Get-StateList 'AccountSids') -notcontains $u.SID.Value) { Add-StateItem 'CreatedSids' $u.SID.Value; Add-StateItem 'AccountSids' $u.SID.Value }
    Remove-State 'PendingAccount'
}

function Resolve-KioskAccount([string] $Name) {
    if ((Get-State 'AccountCreated') -and (Get-State 'AccountSid')) { Add-StateItem 'CreatedSids' (Get-State 'AccountSid'); Remove-State 'AccountCreated' } # 0.1.0 record
    Complete-PendingAccount
    $user = $null
    if ($Name) { $user = Get-UserByName $Name }
    elseif (Get-State 'AccountSid') { $user = Get-UserBySid (Get-State 'AccountSid') }
    if ($user) { return $user }
    if (-not $Name) { do { $Name = New-KioskAccountName } while (Get-UserByName $Name) }
    return $Name
}

# Creates or updates the account, disabled, with a fresh password in the account and the LSA secret.
function Set-KioskAccount([string] $Name) {
    $found = Resolve-KioskAccount $Name
    $pw = New-KioskPassword
    try {
        if ($found -is [string]) {
            Write-Step "creating the disabled local account '$found' ($ProductName)"
            Set-State 'PendingAccount' $found
            New-LocalUser -Name $found -Password $pw -Disabled -FullName $KioskFullName -Description $AccountDescription -AccountNeverExpires -PasswordNeverExpires -UserMayNotChangePassword | Out-Null
            $user = Get-UserByName $found
            Add-StateItem 'CreatedSids' $user.SID.Value
            Add-StateItem 'AccountSids' $user.SID.Value
            Remove-State 'PendingAccount'
        } else {
            $user = $found
            $sid = $user.SID.Value
            if ((Get-StateList 'CreatedSids') -notcontains $sid -and (Get-State 'AdoptedSid') -ne $sid) {
                # An account that existed before: its flags on record BEFORE they change (once: a re-run must not record ours).
                Write-Step "using the existing local account '$($user.Name)' (its flags are restored on uninstall; its password is replaced)"
                Set-State 'AdoptedSid' $sid
                Set-State 'AdoptedEnabled' ([int][bool]$user.Enabled)
                Set-State 'AdoptedFullName' ([string]$user.FullName)
                Set-State 'AdoptedDescription' ([string]$user.Description)
                Set-State 'AdoptedPasswordNeverExpires' ([int]($null -eq $user.PasswordExpires))
                Set-State 'AdoptedUserMayChangePassword' ([int][bool]$user.UserMayChangePassword)
            }
            Disable-LocalUser -SID $sid
            if (-not $Name -and (Get-StateList 'CreatedSids') -contains $sid -and $user.Name -notmatch '^wwv-[a-z2-9]{8}$') {
                do { $new = New-KioskAccountName } while (Get-UserByName $new)
                Write-Step "renaming the kiosk account '$($user.Name)' to '$new' (0.1.0's fixed name was guessable)"
                Rename-LocalUser -SID $sid -NewName $new
                $user = Get-UserBySid $sid
            }
            Set-LocalUser -SID $sid -Password $pw -FullName $KioskFullName -Description $AccountDescription -AccountNeverExpires -PasswordNeverExpires $true -UserMayChangePassword $false
        }
        $sid = $user.SID.Value
        Add-StateItem 'AccountSids' $sid
        Add-StateItem 'AccountNames' $user.Name
        Set-State 'AccountSid' $sid
        Set-State 'AccountName' $user.Name
        Invoke-Native 'net.exe' @('user', $user.Name, '/passwordreq:yes') -Check | Out-Null # never "password not required"
        Set-State 'SecretStored' 1
        Set-KioskSecret $pw
        foreach ($n in 'RotationPending', 'RotationLocked') { Remove-State $n } # a fresh pair: nothing left to finish
        Hide-KioskAccount $sid $user.Name
    } finally { $pw.Dispose() }
    # BUILTIN\Users (logon right "locally"). No Get-LocalGroupMember: it throws on groups with orphaned or Entra
    # SIDs. Add and accept "already a member" (MemberExists), so a re-run does not fail.
    $recorded = @(Get-StateList 'AddedToUsers') -contains $sid
    if (-not $recorded) { Add-StateItem 'AddedToUsers' $sid }
    try { Add-LocalGroupMember -SID $UsersGroupSid -Member $sid -ErrorAction Stop }
    catch {
        if ($_.FullyQualifiedErrorId -notlike 'MemberExists*') { throw }
        if (-not $recorded) { Remove-StateItem 'AddedToUsers' $sid } # it was a member before: not ours to remove
    }
    $have = Get-AccountRights $sid
    foreach ($r in $DenyRights) { if ($have -notcontains $r) { Add-StateItem 'DenyRightsAdded' "$sid|$r"; Set-AccountRight $sid $r $true } }
    Set-RegValue $ProductKey 'KioskAccount' $user.Name 'String'
    return @{ Sid = $sid; Name = $user.Name }
}

function Test-KioskAccount([string] $Sid, [string] $Name) {
    $problems = @()
    $user = Get-UserBySid $Sid
    if (-not $user) { return @("account $Sid missing") }
    if ($user.Name -ne $Name -or (Get-RegValue $ProductKey 'KioskAccount') -ne $Name) { $problems += 'KioskAccount name' }
    if ($user.FullName -ne $KioskFullName) { $problems += 'full name' }
    if ("$(Get-RegValue $UserListKey $Name)" -ne '0') { $problems += 'not hidden from the logon screen' }
    if (-not $user.PasswordRequired) { $problems += 'password not required' }
    $have = Get-AccountRights $Sid
    foreach ($r in $DenyRights) { if ($have -notcontains $r) { $problems += "right $r" } }
    return $problems
}

function Hide-KioskAccount([string] $Sid, [string] $Name) {
    if ((Get-StateList 'HiddenNames') -contains "$Sid|$Name") { return }
    if (-not (Test-Path -Path $SpecialAccountsKey)) { Set-State 'CreatedSpecialAccounts' 1 }
    if ($null -ne (Get-RegValue $UserListKey $Name)) { Add-StateItem 'UserListKept' $Name } # an administrator's own value
    Add-StateItem 'HiddenNames' "$Sid|$Name"
    Set-RegValue $UserListKey $Name 0 'DWord'
}

# The account's UserList values go (not one an administrator had set first); the keys too once empty, if ours.
function Show-KioskAccount([string] $Sid) {
    foreach ($entry in @(Get-StateList 'HiddenNames' | Where-Object { $_ -like "$Sid|*" })) {
        $name = ($entry -split '\|', 2)[1]
        if ((Get-StateList 'UserListKept') -notcontains $name) { Remove-RegValue $UserListKey $name }
        Remove-StateItem 'HiddenNames' $entry
    }
    if (@(Get-StateList 'HiddenNames').Count -or -not (Get-State 'CreatedSpecialAccounts')) { return }
    foreach ($key in $UserListKey, $SpecialAccountsKey) {
        if (-not (Test-Path -Path $key)) { continue }
        $left = Get-Item -Path $key
        if ($left.ValueCount -eq 0 -and $left.SubKeyCount -eq 0) { Remove-Item -Path $key -Force }
    }
    Remove-State 'CreatedSpecialAccounts'
}

# Uninstall: an account install created goes (with its profile); one that existed gets its own flags back,
# enabled (if it was) last of all. Its password stays the random one nobody knows: an admin resets it.
function Remove-KioskAccount([string] $Sid) {
    Show-KioskAccount $Sid
    if ((Get-StateList 'CreatedSids') -contains $Sid) {
        $profiles = @(Get-CimInstance -ClassName Win32_UserProfile | Where-Object { $_.SID -eq $Sid })
        foreach ($p in $profiles) { Remove-CimInstance -InputObject $p } # folder + hive
        if (Get-UserBySid $Sid) { Remove-LocalUser -SID $Sid }
        return
    }
    if ((Get-State 'AdoptedSid') -ne $Sid -or -not (Get-UserBySid $Sid)) { return }
    Set-LocalUser -SID $Sid -FullName ([string](Get-State 'AdoptedFullName')) -Description ([string](Get-State 'AdoptedDescription')) `
        -PasswordNeverExpires ([bool][int](Get-State 'AdoptedPasswordNeverExpires')) -UserMayChangePassword ([bool][int](Get-State 'AdoptedUserMayChangePassword'))
    if ((Get-StateList 'AddedToUsers') -contains $Sid) {
        try { Remove-LocalGroupMember -SID $UsersGroupSid -Member $Sid -ErrorAction Stop }
        catch { if ($_.FullyQualifiedErrorId -notlike 'MemberNotFound*') { throw } }
    }
    if ([int](Get-State 'AdoptedEnabled')) { Enable-LocalUser -SID $Sid }
    Write-Warning "[$ProductName] '$((Get-UserBySid $Sid).Name)' has its flags back; its password was replaced at install: reset it before use."
}
