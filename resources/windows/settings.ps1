# C:\ProgramData\Wachtwoord vergeten\: kiosk.json, the pinned CA (central) or core config (local), the AD password
# (local, directory-secret.ps1) and a copy of these scripts. ProgramData lets every user create folders, so a
# non-admin may have created this one before the install, with an inheritable "Users: Modify" entry that every file
# an administrator or GPO drops into it later inherits. Such a folder is never read and never repaired: a folder
# this product did not create (no install record), or one that no longer looks as it left it, is moved aside
# (renamed with a timestamp, ACL locked to SYSTEM and Administrators) and a new one is created with the product's
# ACL before any file is written into it. The kiosk account only reads.
$WriteMask = 0x500D0156 # WriteData|AppendData|WriteEA|DeleteChild|WriteAttributes|Delete|WriteDAC|WriteOwner|GENERIC_WRITE|GENERIC_ALL

function Get-OwnerSid([string] $Path) {
    try { return (Get-Acl -LiteralPath $Path).GetOwner([System.Security.Principal.SecurityIdentifier]).Value }
    catch { return $null } # unreadable by an administrator: certainly not ours
}

# Non-admin principals that may write $Path (effective ACL, inherited entries included).
function Get-ForeignWriters([string] $Path) {
    $rules = (Get-Acl -LiteralPath $Path).GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])
    return @($rules | Where-Object { $_.AccessControlType -eq 'Allow' -and ([int64]$_.FileSystemRights -band $WriteMask) -and $TrustedOwners -notcontains $_.IdentityReference.Value } |
        ForEach-Object { $_.IdentityReference.Value } | Select-Object -Unique)
}

# Problems of the folder and everything in it: an owner that is not SYSTEM/Administrators/TrustedInstaller, or
# anyone else who may write.
function Test-SettingsDir {
    $problems = @()
    foreach ($item in @(@(Get-Item -LiteralPath $SettingsDir) + @(Get-ChildItem -LiteralPath $SettingsDir -Recurse -Force))) {
        if ($TrustedOwners -notcontains (Get-OwnerSid $item.FullName)) { $problems += "owner of $($item.FullName)" }
        $w = @(Get-ForeignWriters $item.FullName)
        # An earlier version let the kiosk account delete its one-time import file; install.ps1 now consumes it.
        if ($item.Name -eq 'directory-password.txt') { $w = @($w | Where-Object { @(Get-StateList 'AccountSids') -notcontains $_ }) }
        if ($w.Count) { $problems += "$($item.FullName) is writable by $($w -join ', ')" }
    }
    return $problems
}

# Ours: created by this product (recorded) and still as it left it.
function Test-OwnSettingsDir {
    if (-not (Get-State 'CreatedSettingsDir') -and -not (Get-RegValue $ProductKey 'SettingsDirKept')) { return $false }
    return -not @(Test-SettingsDir).Count
}

# Renamed to "<name>.vooraf-<yyyyMMdd-HHmmss>" next to it, owner Administrators, only SYSTEM and Administrators.
function Move-SettingsDirAside {
    $aside = "$SettingsDir.vooraf-$(Get-Date -Format 'yyyyMMdd-HHmmss')"
    Write-Warning "[$ProductName] $SettingsDir was not created by this installer (or was changed since): nothing is read from it. Moved aside to $aside (locked); a new folder is created. Give the settings again (-KioskConfig, -CentralUrl -CaFile, or -LocalMode -ConfigFile)."
    Rename-Item -LiteralPath $SettingsDir -NewName (Split-Path $aside -Leaf)
    Invoke-Native 'takeown.exe' @('/F', $aside, '/A', '/R') | Out-Null # best effort: the rename already took it out of use
    Invoke-Native 'icacls.exe' @($aside, '/reset', '/T', '/C', '/Q') | Out-Null
    Invoke-Native 'icacls.exe' @($aside, '/inheritance:r', '/grant:r', "*${SystemSid}:(OI)(CI)F", "*${AdminsSid}:(OI)(CI)F") -Check | Out-Null
    Remove-State 'CreatedSettingsDir'
}

function Set-SettingsDirAcl([string] $KioskSid) {
    Invoke-Native 'icacls.exe' @($SettingsDir, '/inheritance:r', '/grant:r', "*${SystemSid}:(OI)(CI)F", "*${AdminsSid}:(OI)(CI)F", "*${KioskSid}:(OI)(CI)RX") -Check | Out-Null
}

function Protect-SettingsDir([string] $KioskSid) {
    if ((Test-Path -LiteralPath $SettingsDir) -and -not (Test-OwnSettingsDir)) { Move-SettingsDirAside }
    if (Test-Path -LiteralPath $SettingsDir) {
        Set-State 'CreatedSettingsDir' 1
        Remove-RegValue $ProductKey 'SettingsDirKept'
        # Ours: the ACL again (a new kiosk SID after a repair), children inherit it.
        Invoke-Native 'icacls.exe' @($SettingsDir, '/reset', '/T', '/C', '/Q') -Check | Out-Null
        Set-SettingsDirAcl $KioskSid
        return
    }
    Set-State 'CreatedSettingsDir' 1
    New-Item -ItemType Directory -Path $SettingsDir | Out-Null # fails if someone created it since: fail closed
    Set-SettingsDirAcl $KioskSid
    # Between New-Item and icacls the folder had ProgramData's ACL (users may create files): anything in it now
    # was not written by us.
    $early = @(Get-ChildItem -LiteralPath $SettingsDir -Force)
    if ($early.Count) { throw "someone wrote into $SettingsDir while it was being created ($(@($early | ForEach-Object { $_.Name }) -join ', ')): run the install again" }
    $problems = @(Test-SettingsDir)
    if ($problems.Count) { throw "the new settings folder is not protected: $($problems -join '; ')" }
}

# The scripts outside the install folder: NSIS deletes $INSTDIR right after uninstall, and a failed uninstall must
# be re-runnable from somewhere admin-owned.
function Copy-SetupScripts {
    if (-not (Test-Path -LiteralPath $SetupCopyDir)) { New-Item -ItemType Directory -Path $SetupCopyDir | Out-Null }
    if ((Split-Path $PSCommandPath) -eq $SetupCopyDir) { return }
    foreach ($f in @(Get-ChildItem -LiteralPath $PSScriptRoot -Filter '*.ps1')) { Copy-Item -LiteralPath $f.FullName -Destination (Join-Path $SetupCopyDir $f.Name) -Force }
}
