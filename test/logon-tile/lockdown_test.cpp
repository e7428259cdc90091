// Before every sign-in, through the test-only DLL's fake system port (fake_lockdown.cpp): each failing
// lock-down check, the disabled account and a lock-out that cannot be cleared refuse with their own status
// text and serialize nothing; a lock-out that can be cleared is cleared and then serialized; the DLL's own
// folder (and each folder above it) must be admin-only.
#include "fake_values.h"
#include "fields.h"
#include "settings.h"
#include "harness.h"
#include "suites.h"
#include "texts.h"

namespace t {
namespace {

bool refusedWith(const Serialization& s, const wchar_t* status) {
  return s.hr == S_OK && s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization && s.cs.cbSerialization == 0 &&
         s.status == status && s.icon == CPSI_ERROR;
}
bool serialized(const Serialization& s) { return s.hr == S_OK && s.response == CPGSR_RETURN_CREDENTIAL_FINISHED && s.cs.rgbSerialization; }

DWORD fakeFlags() {
  DWORD value = 99, size = sizeof value;
  RegGetValueW(HKEY_LOCAL_MACHINE, tile::kProductKey, fake::kAccountFlags, RRF_RT_REG_DWORD, nullptr, &value, &size);
  return value;
}

}  // namespace

void lockdownSuite(const Dll& dll) {
  wchar_t path[MAX_PATH + 1];
  const DWORD chars = GetModuleFileNameW(dll.module, path, MAX_PATH + 1);
  const std::wstring dllPath(path, chars);
  const std::wstring folder = dllPath.substr(0, dllPath.find_last_of(L'\\'));
  const std::wstring root = dllPath.substr(0, 3);
  const struct { std::string name; void (*change)(); const wchar_t* status; } cases[] = {
      {"WV-1 Enterprise became Pro (Shell Launcher mode)", [] { setDword(fake::kProductType, 0x30); }, tile::kLockdownEditionStatus},
      {"WV-2 Shell Launcher turned off", [] { setDword(fake::kShellLauncherOff, 1); }, tile::kLockdownShellLauncherStatus},
      {"WV-2 no Shell Launcher entry for the kiosk SID", [] { setString(fake::kShellLauncherShell, L""); }, tile::kLockdownShellLauncherStatus},
      {"WV-2 the kiosk SID's Shell Launcher entry is Explorer", [] { setString(fake::kShellLauncherShell, L"explorer.exe"); }, tile::kLockdownShellLauncherStatus},
      {"WV-3 local Group Policy processing off (Shell Launcher mode)", [] { setDword(fake::kLocalPolicyOff, 1); }, tile::kLockdownLocalPolicyStatus},
      {"WV-3 local Group Policy processing off (policy mode)", [] { setString(L"ShellMode", L"UserPolicy"); setDword(fake::kLocalPolicyOff, 1); },
       tile::kLockdownLocalPolicyStatus},
      {"WV-4 policy mode without the kiosk user's Shell policy", [] { setString(L"ShellMode", L"UserPolicy"); setString(fake::kUserPolicyShell, L""); },
       tile::kLockdownUserPolicyStatus},
      {"WV-5 AppLocker installed, AppIDSvc stopped", [] { setDword(fake::kAppIdSvcStopped, 1); }, tile::kLockdownAppLockerStatus},
      {"account disabled", [] { setDword(fake::kAccountFlags, 0x2); }, tile::kDisabledStatus},
      {"account locked out, the lock-out cannot be cleared", [] { setDword(fake::kAccountFlags, 0x10); setDword(fake::kUnlockFails, 1); }, tile::kLockedStatus},
  };
  for (const auto& c : cases) {
    Serialization s;
    pressSubmit(dll, c.change, s);
    check(refusedWith(s, c.status), "refused (" + c.name + "): its own status text, nothing serialized");
  }
  const struct { std::string name; void (*change)(); } passes[] = {
      {"policy mode on Pro (no Shell Launcher needed)", [] { setString(L"ShellMode", L"UserPolicy"); setDword(fake::kProductType, 0x30); setDword(fake::kShellLauncherOff, 1); }},
      {"no AppLocker installed: AppIDSvc may be stopped", [] { setDword(L"AppLocker", 0); setDword(fake::kAppIdSvcStopped, 1); }},
  };
  for (const auto& p : passes) {
    Serialization s;
    pressSubmit(dll, p.change, s);
    check(serialized(s), "signs in (" + p.name + ")");
  }
  Serialization unlocked;
  pressSubmit(dll, [] { setDword(fake::kAccountFlags, 0x10); }, unlocked);
  check(serialized(unlocked) && fakeFlags() == 0, "a locked-out kiosk account is unlocked (UF_LOCKOUT cleared), then signed in");

  for (const auto& unsafe : {folder, root}) {
    clearProductKey();
    setReady();
    setString(fake::kUnsafePath, unsafe.c_str());
    tile::ComPtr<ICredentialProvider> provider;
    tile::ComPtr<ICredentialProviderCredential> credential;
    const std::string which = unsafe == root ? "the volume root above it" : "its own folder";
    if (!offeredTile(dll, provider, credential)) { check(false, "tile offered with an unsafe folder"); continue; }
    check(stringValue(credential.get(), tile::kFieldSubtitle) == tile::kLockdownFolderStatus, "WV-6 (" + which + " not admin-only): the tile shows its status text at once");
    Serialization s;
    serialize(credential.get(), s);
    check(refusedWith(s, tile::kLockdownFolderStatus), "WV-6 (" + which + " not admin-only): nothing serialized");
  }
  clearProductKey();
}

}  // namespace t
