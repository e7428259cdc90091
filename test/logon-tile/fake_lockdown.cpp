// TEST ONLY, linked into tile-fake-secret.dll, never into wachtwoord-vergeten-tile.dll: stands in for
// src-logon-tile/src/windows_system.cpp (Wine has no Shell Launcher, AppIDSvc, local policy or SAM lock-out).
// By default every fact is as install.ps1 leaves a PC; a test changes one through a TestOnly* value under the
// product key (fake_values.h), which clearProductKey removes again.
#include <cwchar>

#include "fake_values.h"
#include "system_port.h"

namespace tile {
namespace {

DWORD fakeDword(const wchar_t* name, DWORD fallback) {
  DWORD value = 0, size = sizeof value;
  return RegGetValueW(HKEY_LOCAL_MACHINE, kProductKey, name, RRF_RT_REG_DWORD, nullptr, &value, &size) == ERROR_SUCCESS ? value : fallback;
}

void fakeText(const wchar_t* name, const BoundedText<300>& fallback, BoundedText<300>& out) {
  wchar_t buffer[301];
  DWORD bytes = sizeof buffer;
  if (RegGetValueW(HKEY_LOCAL_MACHINE, kProductKey, name, RRF_RT_REG_SZ, nullptr, buffer, &bytes) == ERROR_SUCCESS) out.assign(buffer, wcsnlen(buffer, 300));
  else out = fallback;
}

AceFact ace(Trustee who, DWORD mask, bool inheritOnly) {
  AceFact a;
  a.who = who;
  a.mask = mask;
  a.inheritOnly = inheritOnly;
  return a;
}

}  // namespace

HRESULT readLockdownFacts(const TileSettings& settings, LockdownFacts& facts) noexcept {
  facts = LockdownFacts{};
  facts.productType = fakeDword(fake::kProductType, 0x04);  // PRODUCT_ENTERPRISE
  facts.shellLauncherOn = fakeDword(fake::kShellLauncherOff, 0) == 0;
  fakeText(fake::kShellLauncherShell, settings.shell, facts.shellLauncherShell);
  facts.localPolicyOff = fakeDword(fake::kLocalPolicyOff, 0) == 1;
  fakeText(fake::kUserPolicyShell, settings.shell, facts.userPolicyShell);
  facts.appIdSvcRunning = fakeDword(fake::kAppIdSvcStopped, 0) == 0;
  return S_OK;
}

// As Windows ships C:\\, C:\\Program Files and below: trusted owner and full control, Users read; Users'
// Modify only inherit-only; on the root, Authenticated Users may also create folders in it. The path named by
// TestOnlyUnsafePath instead has an owner who is not an administrator.
HRESULT readPathSecurity(const wchar_t* path, PathSecurity& security) noexcept {
  security = PathSecurity{};
  security.owner = Trustee::kTrusted;
  security.hasDacl = true;
  security.aces[security.count++] = ace(Trustee::kTrusted, GENERIC_ALL, false);
  security.aces[security.count++] = ace(Trustee::kOther, 0x1200A9, false);     // Users: read and execute
  security.aces[security.count++] = ace(Trustee::kOther, 0x1301BF, true);      // Users: modify, inherit only
  security.aces[security.count++] = ace(Trustee::kCreatorOwner, GENERIC_ALL, false);
  if (std::wcslen(path) == 3) security.aces[security.count++] = ace(Trustee::kOther, 0x4, false);  // add subfolder
  wchar_t unsafe[MAX_PATH + 1];
  DWORD bytes = sizeof unsafe;
  if (RegGetValueW(HKEY_LOCAL_MACHINE, kProductKey, fake::kUnsafePath, RRF_RT_REG_SZ, nullptr, unsafe, &bytes) == ERROR_SUCCESS &&
      CompareStringOrdinal(unsafe, -1, path, -1, TRUE) == CSTR_EQUAL)
    security.owner = Trustee::kOther;
  return S_OK;
}

HRESULT readAccountFlags(const wchar_t*, DWORD* flags) noexcept {
  if (!flags) return E_POINTER;
  *flags = fakeDword(fake::kAccountFlags, 0);
  return S_OK;
}

// Clears the lock-out bit in TestOnlyAccountFlags, as NetUserSetInfo level 1008 would; TestOnlyUnlockFails = 1
// makes it fail with ERROR_ACCESS_DENIED.
HRESULT clearAccountLockout(const wchar_t*) noexcept {
  if (fakeDword(fake::kUnlockFails, 0) == 1) return HRESULT_FROM_WIN32(ERROR_ACCESS_DENIED);
  const DWORD flags = fakeDword(fake::kAccountFlags, 0) & ~kAccountLockedOut;
  const LONG status = RegSetKeyValueW(HKEY_LOCAL_MACHINE, kProductKey, fake::kAccountFlags, REG_DWORD, &flags, sizeof flags);
  return HRESULT_FROM_WIN32(status);
}

}  // namespace tile
