# The kiosk account's password and logon rights, through the LSA policy API (advapi32, ntsecapi.h):
# - LsaStorePrivateData under the local key L$WachtwoordVergetenKiosk (WINDOWS-CONTRACT; "L$" = local, never
#   replicated, readable by SYSTEM/LogonUI only), UTF-16 without terminator; storing NULL deletes it.
# - LsaAddAccountRights / LsaRemoveAccountRights / LsaEnumerateAccountRights for the SeDeny...LogonRight rights.
# The password exists as a SecureString only (never a managed string): it goes to the LSA as a zeroed-after-use
# unmanaged buffer and to Set-LocalUser/New-LocalUser as the SecureString itself. Never logged or written.
$LsaSecretName = 'L$WachtwoordVergetenKiosk'
$LsaSource = @'
using System;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Principal;
namespace WachtwoordVergeten {
  public static class Lsa {
    [StructLayout(LayoutKind.Sequential)] struct UNICODE_STRING { public ushort Length; public ushort MaximumLength; public IntPtr Buffer; }
    [StructLayout(LayoutKind.Sequential)] struct OBJECT_ATTRIBUTES { public int Length; public IntPtr RootDirectory; public IntPtr ObjectName; public uint Attributes; public IntPtr SecurityDescriptor; public IntPtr SecurityQualityOfService; }
    [DllImport("advapi32.dll")] static extern uint LsaOpenPolicy(IntPtr systemName, ref OBJECT_ATTRIBUTES attributes, uint access, out IntPtr policy);
    [DllImport("advapi32.dll")] static extern uint LsaStorePrivateData(IntPtr policy, ref UNICODE_STRING keyName, ref UNICODE_STRING data);
    [DllImport("advapi32.dll", EntryPoint = "LsaStorePrivateData")] static extern uint LsaDeletePrivateData(IntPtr policy, ref UNICODE_STRING keyName, IntPtr nullData);
    [DllImport("advapi32.dll")] static extern uint LsaAddAccountRights(IntPtr policy, byte[] sid, UNICODE_STRING[] rights, uint count);
    [DllImport("advapi32.dll")] static extern uint LsaRemoveAccountRights(IntPtr policy, byte[] sid, [MarshalAs(UnmanagedType.U1)] bool allRights, UNICODE_STRING[] rights, uint count);
    [DllImport("advapi32.dll")] static extern uint LsaEnumerateAccountRights(IntPtr policy, byte[] sid, out IntPtr rights, out uint count);
    [DllImport("advapi32.dll")] static extern uint LsaFreeMemory(IntPtr buffer);
    [DllImport("advapi32.dll")] static extern uint LsaClose(IntPtr policy);
    [DllImport("advapi32.dll")] public static extern uint LsaNtStatusToWinError(uint status);
    const uint POLICY_CREATE_ACCOUNT = 0x10, POLICY_CREATE_SECRET = 0x20, POLICY_LOOKUP_NAMES = 0x800;
    const uint STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;

    static uint Open(uint access, out IntPtr policy) { var oa = new OBJECT_ATTRIBUTES(); return LsaOpenPolicy(IntPtr.Zero, ref oa, access, out policy); }
    static UNICODE_STRING Str(IntPtr buffer, int chars) { return new UNICODE_STRING { Length = (ushort)(chars * 2), MaximumLength = (ushort)(chars * 2 + 2), Buffer = buffer }; }
    static byte[] Sid(string sid) { var s = new SecurityIdentifier(sid); var b = new byte[s.BinaryLength]; s.GetBinaryForm(b, 0); return b; }

    public static uint StorePrivateData(string keyName, SecureString secret) {
      if (secret == null || secret.Length == 0) throw new ArgumentException("refusing to store an empty secret");
      IntPtr policy = IntPtr.Zero, name = IntPtr.Zero, data = IntPtr.Zero;
      try {
        uint st = Open(POLICY_CREATE_SECRET, out policy); if (st != 0) return st;
        name = Marshal.StringToHGlobalUni(keyName);
        data = Marshal.SecureStringToGlobalAllocUnicode(secret);
        var k = Str(name, keyName.Length); var d = Str(data, secret.Length);
        return LsaStorePrivateData(policy, ref k, ref d);
      } finally {
        if (data != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(data);
        if (name != IntPtr.Zero) Marshal.FreeHGlobal(name);
        if (policy != IntPtr.Zero) LsaClose(policy);
      }
    }
    public static uint DeletePrivateData(string keyName) {
      IntPtr policy = IntPtr.Zero, name = IntPtr.Zero;
      try {
        uint st = Open(POLICY_CREATE_SECRET, out policy); if (st != 0) return st;
        name = Marshal.StringToHGlobalUni(keyName);
        var k = Str(name, keyName.Length);
        st = LsaDeletePrivateData(policy, ref k, IntPtr.Zero);
        return st == STATUS_OBJECT_NAME_NOT_FOUND ? 0 : st;
      } finally { if (name != IntPtr.Zero) Marshal.FreeHGlobal(name); if (policy != IntPtr.Zero) LsaClose(policy); }
    }
    static uint ChangeRight(string sid, string right, bool add) {
      IntPtr policy = IntPtr.Zero, buf = IntPtr.Zero;
      try {
        uint st = Open(POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT, out policy); if (st != 0) return st;
        buf = Marshal.StringToHGlobalUni(right);
        var r = new UNICODE_STRING[] { Str(buf, right.Length) };
        st = add ? LsaAddAccountRights(policy, Sid(sid), r, 1) : LsaRemoveAccountRights(policy, Sid(sid), false, r, 1);
        return (!add && st == STATUS_OBJECT_NAME_NOT_FOUND) ? 0 : st;
      } finally { if (buf != IntPtr.Zero) Marshal.FreeHGlobal(buf); if (policy != IntPtr.Zero) LsaClose(policy); }
    }
    public static uint AddAccountRight(string sid, string right) { return ChangeRight(sid, right, true); }
    public static uint RemoveAccountRight(string sid, string right) { return ChangeRight(sid, right, false); }
    public static string[] GetAccountRights(string sid) {
      IntPtr policy = IntPtr.Zero, list = IntPtr.Zero; uint count = 0;
      try {
        uint st = Open(POLICY_LOOKUP_NAMES, out policy); if (st != 0) throw new System.ComponentModel.Win32Exception((int)LsaNtStatusToWinError(st));
        st = LsaEnumerateAccountRights(policy, Sid(sid), out list, out count);
        if (st == STATUS_OBJECT_NAME_NOT_FOUND) return new string[0];
        if (st != 0) throw new System.ComponentModel.Win32Exception((int)LsaNtStatusToWinError(st));
        var result = new string[count]; int size = Marshal.SizeOf(typeof(UNICODE_STRING));
        for (int i = 0; i < count; i++) {
          var u = (UNICODE_STRING)Marshal.PtrToStructure(new IntPtr(list.ToInt64() + i * size), typeof(UNICODE_STRING));
          result[i] = Marshal.PtrToStringUni(u.Buffer, u.Length / 2);
        }
        return result;
      } finally { if (list != IntPtr.Zero) LsaFreeMemory(list); if (policy != IntPtr.Zero) LsaClose(policy); }
    }
  }
}
'@
# Loaded once per session; a type of this name already present (the test harness's fake) is used as it is.
if (-not ('WachtwoordVergeten.Lsa' -as [type])) { Add-Type -TypeDefinition $LsaSource }

function Assert-LsaStatus([uint32] $Status, [string] $What) {
    if ($Status -ne 0) {
        $win32 = [WachtwoordVergeten.Lsa]::LsaNtStatusToWinError($Status)
        throw ("{0} failed: NTSTATUS 0x{1:X8} ({2})" -f $What, $Status, (New-Object ComponentModel.Win32Exception ([int]$win32)).Message)
    }
}

# Uniform index below $Count from the OS CSPRNG (rejection sampling, no modulo bias).
function Get-RandomIndex([System.Security.Cryptography.RandomNumberGenerator] $Rng, [int] $Count) {
    $limit = 256 - (256 % $Count)
    $b = New-Object byte[] 1
    do { $Rng.GetBytes($b) } while ($b[0] -ge $limit)
    $i = $b[0] % $Count
    $b[0] = 0
    return $i
}

# The account's SAM name: unguessable per machine, so nobody can lock it out by guessing at "Andere gebruiker".
function New-KioskAccountName {
    $alphabet = 'abcdefghijkmnpqrstuvwxyz23456789'
    $rng = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    try { return 'wwv-' + (-join (1..8 | ForEach-Object { $alphabet[(Get-RandomIndex $rng $alphabet.Length)] })) }
    finally { $rng.Dispose() }
}

# 40 characters from 72 (about 246 bits), with every character class (a complexity policy asks for three of four).
function New-KioskPassword {
    $classes = @('ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#%+-.:=?@^_~*')
    $alphabet = -join $classes
    $rng = [System.Security.Cryptography.RandomNumberGenerator]::Create()
    try {
        while ($true) {
            $secure = New-Object System.Security.SecureString
            $seen = @{}
            for ($n = 0; $n -lt 40; $n++) {
                $c = $alphabet[(Get-RandomIndex $rng $alphabet.Length)]
                for ($k = 0; $k -lt $classes.Count; $k++) { if ($classes[$k].IndexOf($c) -ge 0) { $seen[$k] = $true } }
                $secure.AppendChar($c)
            }
            $c = $null
            if ($seen.Count -eq $classes.Count) { $secure.MakeReadOnly(); return $secure }
            $secure.Dispose()
        }
    } finally { $rng.Dispose() }
}

function Set-KioskSecret([System.Security.SecureString] $Password) {
    Assert-LsaStatus ([WachtwoordVergeten.Lsa]::StorePrivateData($LsaSecretName, $Password)) 'LsaStorePrivateData'
}
function Remove-KioskSecret { Assert-LsaStatus ([WachtwoordVergeten.Lsa]::DeletePrivateData($LsaSecretName)) 'LsaStorePrivateData(NULL)' }
function Get-AccountRights([string] $Sid) { return @([WachtwoordVergeten.Lsa]::GetAccountRights($Sid)) }
function Set-AccountRight([string] $Sid, [string] $Right, [bool] $Present) {
    if ($Present) { Assert-LsaStatus ([WachtwoordVergeten.Lsa]::AddAccountRight($Sid, $Right)) "LsaAddAccountRights $Right" }
    else { Assert-LsaStatus ([WachtwoordVergeten.Lsa]::RemoveAccountRight($Sid, $Right)) "LsaRemoveAccountRights $Right" }
}
