// TEST ONLY, linked into tile-fake-secret.dll, never into wachtwoord-vergeten-tile.dll: stands in for
// src-logon-tile/src/windows_system.cpp (Wine has no Shell Launcher, AppIDSvc or SAM lock-out).
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
