# The LSA seam (and FakeWindows.Acl, what the fake Get-Acl returns): a class named like secret.ps1's WachtwoordVergeten.Lsa, with the same public methods (a test
# compares the two by reflection), keeping private data and account rights in memory. Loaded before the scripts,
# so secret.ps1 finds the type and does not compile its own P/Invoke class.
Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
namespace WachtwoordVergeten {
  public static class Lsa {
    public static Dictionary<string, string> Secrets = new Dictionary<string, string>();
    public static Dictionary<string, SortedSet<string>> Rights = new Dictionary<string, SortedSet<string>>();
    // Returns true when the harness injects a failure into this call (then the call fails with ACCESS_DENIED).
    public static Func<string, bool> Hook;
    const uint STATUS_ACCESS_DENIED = 0xC0000022;
    static bool Fail(string what) { return Hook != null && Hook(what); }
    public static void Reset() { Secrets.Clear(); Rights.Clear(); }
    public static string Plain(SecureString s) {
      IntPtr p = Marshal.SecureStringToGlobalAllocUnicode(s);
      try { return Marshal.PtrToStringUni(p); } finally { Marshal.ZeroFreeGlobalAllocUnicode(p); }
    }
    public static uint StorePrivateData(string keyName, SecureString secret) {
      if (secret == null || secret.Length == 0) throw new ArgumentException("refusing to store an empty secret");
      if (Fail("LsaStorePrivateData " + keyName)) return STATUS_ACCESS_DENIED;
      Secrets[keyName] = Plain(secret); return 0;
    }
    public static uint DeletePrivateData(string keyName) {
      if (Fail("LsaStorePrivateData(NULL) " + keyName)) return STATUS_ACCESS_DENIED;
      Secrets.Remove(keyName); return 0;
    }
    public static uint AddAccountRight(string sid, string right) {
      if (Fail("LsaAddAccountRights " + right)) return STATUS_ACCESS_DENIED;
      if (!Rights.ContainsKey(sid)) Rights[sid] = new SortedSet<string>();
      Rights[sid].Add(right); return 0;
    }
    public static uint RemoveAccountRight(string sid, string right) {
      if (Fail("LsaRemoveAccountRights " + right)) return STATUS_ACCESS_DENIED;
      if (Rights.ContainsKey(sid)) { Rights[sid].Remove(right); if (Rights[sid].Count == 0) Rights.Remove(sid); }
      return 0;
    }
    public static string[] GetAccountRights(string sid) {
      if (Fail("LsaEnumerateAccountRights " + sid)) throw new System.ComponentModel.Win32Exception(5);
      return Rights.ContainsKey(sid) ? Rights[sid].ToArray() : new string[0];
    }
    public static uint LsaNtStatusToWinError(uint status) { return status == STATUS_ACCESS_DENIED ? 5u : 317u; }
    public static string Snapshot(bool withSecrets) {
      var parts = Secrets.Keys.OrderBy(k => k).Select(k => "secret " + k + (withSecrets ? "=" + Secrets[k] : "")).ToList();
      parts.AddRange(Rights.Keys.OrderBy(k => k).Select(k => "rights " + k + "=" + string.Join(",", Rights[k])));
      return string.Join("\n", parts);
    }
  }
}
namespace FakeWindows {
  // What Get-Acl returns, as far as the scripts use it: the owner and the effective access rules, by SID.
  public class Sid { public string Value; public Sid(string v) { Value = v; } public override string ToString() { return Value; } }
  public class Rule { public Sid IdentityReference; public long FileSystemRights; public string AccessControlType = "Allow"; }
  public class Acl {
    public string Owner; public Rule[] Rules;
    public Sid GetOwner(Type t) { return new Sid(Owner); }
    public Rule[] GetAccessRules(bool includeExplicit, bool includeInherited, Type t) { return Rules; }
  }
}
'@
[WachtwoordVergeten.Lsa]::Hook = [Func[string, bool]] { param($what) Enter-Fake 'lsa' $what }
