# Local mode: the AD service account's password, kept so that a change of the kiosk account's own password (a
# repair, an update, the tile's rotation at logoff) does not lose it. Set-LocalUser -Password is an administrator's
# reset, after which that account's DPAPI user master key can no longer be opened ("Data protection", Windows
# security docs: a reset, unlike a change, loses what DPAPI protected for the user), so DPAPI in the kiosk's profile
# broke at every repair. Now: DPAPI machine scope (CryptProtectData with CRYPTPROTECT_LOCAL_MACHINE, here .NET's
# ProtectedData with DataProtectionScope.LocalMachine), which any account of this PC could decrypt, in
# C:\ProgramData\Wachtwoord vergeten\directory-password.bin with an ACL that lets only the kiosk account (read),
# SYSTEM and Administrators near it. Re-protected at every install run (also for a new kiosk SID).
# Sources of the password, first one wins: -DirectoryPasswordFile <path> (the administrator's file, left alone:
# delete it yourself), directory-password.txt put in this product's own settings folder (overwritten and deleted),
# the existing .bin. Bytes only (UTF-8), zeroed after use; never logged.
$DirectorySecretFile = Join-Path $SettingsDir 'directory-password.bin'
$DirectoryImportFile = Join-Path $SettingsDir 'directory-password.txt'
$DpapiSource = @'
using System.Security.Cryptography;
namespace WachtwoordVergeten {
  public static class MachineDpapi {
    static readonly byte[] Entropy = System.Text.Encoding.ASCII.GetBytes("WachtwoordVergeten.DirectoryPassword.v1");
    public static byte[] Protect(byte[] plain) { return ProtectedData.Protect(plain, Entropy, DataProtectionScope.LocalMachine); }
    public static byte[] Unprotect(byte[] sealedData) { return ProtectedData.Unprotect(sealedData, Entropy, DataProtectionScope.LocalMachine); }
  }
}
'@
# A type of this name already present (the test harness's fake) is used as it is.
if (-not ('WachtwoordVergeten.MachineDpapi' -as [type])) {
    Add-Type -AssemblyName System.Security
    Add-Type -TypeDefinition $DpapiSource -ReferencedAssemblies System.Security
}

# The password bytes of a text file: UTF-8, without a BOM or the final line break an editor adds.
function Read-PasswordBytes([string] $Path) {
    $b = Read-FileBytes $Path
    $start = 0; $end = $b.Length
    if ($end -ge 3 -and $b[0] -eq 0xEF -and $b[1] -eq 0xBB -and $b[2] -eq 0xBF) { $start = 3 }
    while ($end -gt $start -and ($b[$end - 1] -eq 10 -or $b[$end - 1] -eq 13)) { $end-- }
    if ($end -le $start) { [Array]::Clear($b, 0, $b.Length); throw "$Path is empty" }
    $plain = New-Object byte[] ($end - $start)
    [Array]::Copy($b, $start, $plain, 0, $plain.Length)
    [Array]::Clear($b, 0, $b.Length)
    return , $plain
}

function Set-DirectorySecret([string] $KioskSid, [string] $PasswordFile) {
    $plain = $null
    $consumed = $false
    try {
        # The same command line again (an Intune update or repair) after the administrator deleted the file, as
        # docs/windows-kiosk.md advises: the stored password stays.
        if ($PasswordFile -and -not (Test-Path -LiteralPath $PasswordFile)) {
            if (-not (Test-Path -LiteralPath $DirectorySecretFile)) { throw "-DirectoryPasswordFile: not found: $PasswordFile" }
            Write-Step "-DirectoryPasswordFile not found ($PasswordFile): the stored AD password stays"
            $PasswordFile = $null
        }
        if ($PasswordFile) { $plain = Read-PasswordBytes $PasswordFile }
        elseif (Test-Path -LiteralPath $DirectoryImportFile) { $plain = Read-PasswordBytes $DirectoryImportFile; $consumed = $true }
        elseif (Test-Path -LiteralPath $DirectorySecretFile) { $plain = [WachtwoordVergeten.MachineDpapi]::Unprotect((Read-FileBytes $DirectorySecretFile)) }
        else { Write-Warning "[$ProductName] local mode without an AD service password: give -DirectoryPasswordFile (see docs/windows-kiosk.md) if the directory needs one."; return }
        Set-State 'DirectorySecret' 1
        if (Test-Path -LiteralPath $DirectorySecretFile) { Remove-Item -LiteralPath $DirectorySecretFile -Force }
        Write-FileBytes $DirectorySecretFile ([WachtwoordVergeten.MachineDpapi]::Protect($plain))
        Invoke-Native 'icacls.exe' @($DirectorySecretFile, '/inheritance:r', '/grant:r', "*${SystemSid}:F", "*${AdminsSid}:F", "*${KioskSid}:R") -Check | Out-Null
        if ($consumed) {
            Write-FileBytes $DirectoryImportFile (New-Object byte[] ((Get-Item -LiteralPath $DirectoryImportFile).Length)) # overwrite, then delete
            Remove-Item -LiteralPath $DirectoryImportFile -Force
        }
    } finally { if ($plain) { [Array]::Clear($plain, 0, $plain.Length) } }
}

function Test-DirectorySecret([string] $KioskSid) {
    if (-not (Test-Path -LiteralPath $DirectorySecretFile)) { return @() }
    $rules = @((Get-Acl -LiteralPath $DirectorySecretFile).GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier]))
    $others = @($rules | Where-Object { @($SystemSid, $AdminsSid, $KioskSid) -notcontains $_.IdentityReference.Value } | ForEach-Object { $_.IdentityReference.Value })
    $problems = @()
    if ($others.Count) { $problems += "directory-password.bin is open to $($others -join ', ')" }
    if (-not @($rules | Where-Object { $_.IdentityReference.Value -eq $KioskSid }).Count) { $problems += 'the kiosk account cannot read directory-password.bin' }
    return $problems
}
