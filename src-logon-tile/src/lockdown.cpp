#include "lockdown.h"

#include <cwchar>

namespace tile {
namespace {

bool sameText(const wchar_t* a, const wchar_t* b) noexcept { return std::wcscmp(a, b) == 0; }

}  // namespace

bool editionHasShellLauncher(DWORD productType) noexcept {
  // ENTERPRISE 0x04, ENTERPRISE_N 0x1B, EDUCATION 0x79, EDUCATION_N 0x7A, ENTERPRISE_S (LTSC) 0x7D,
  // ENTERPRISE_S_N 0x7E, IOTENTERPRISE 0xBC, IOTENTERPRISES 0xBF.
  switch (productType) {
    case 0x04: case 0x1B: case 0x79: case 0x7A: case 0x7D: case 0x7E: case 0xBC: case 0xBF: return true;
    default: return false;
  }
}

// Shell Launcher mode needs an edition that has it; a lapsed subscription activation turns Enterprise into Pro,
// and Winlogon then starts Explorer. The per-user policy works on every edition this product supports.
Refusal checkEdition(const TileSettings& settings, const LockdownFacts& facts) noexcept {
  if (settings.shellMode == ShellMode::kShellLauncher && !editionHasShellLauncher(facts.productType)) return Refusal::kEdition;
  return Refusal::kNone;
}

// Shell Launcher on, with an entry for exactly the kiosk SID that starts exactly the kiosk exe.
Refusal checkShellLauncher(const TileSettings& settings, const LockdownFacts& facts) noexcept {
  if (settings.shellMode != ShellMode::kShellLauncher) return Refusal::kNone;
  if (!facts.shellLauncherOn || facts.shellLauncherShell.length == 0) return Refusal::kShellLauncher;
  return sameText(facts.shellLauncherShell.text, settings.shell.text) ? Refusal::kNone : Refusal::kShellLauncher;
}

// The kiosk's lock-down (Ctrl+Alt+Del options, DisallowRun, ...) is per-user local Group Policy in both modes:
// with local GPO processing off none of it applies. In the per-user policy mode the Shell value is the shell.
Refusal checkLocalPolicy(const TileSettings& settings, const LockdownFacts& facts) noexcept {
  if (facts.localPolicyOff) return Refusal::kLocalPolicyOff;
  if (settings.shellMode != ShellMode::kUserPolicy) return Refusal::kNone;
  return sameText(facts.userPolicyShell.text, settings.shell.text) && facts.userPolicyShell.length ? Refusal::kNone : Refusal::kUserPolicyShell;
}

// AppLocker rules are enforced by the Application Identity service; stopped, they are not.
Refusal checkAppLocker(const TileSettings& settings, const LockdownFacts& facts) noexcept {
  return settings.appLocker && !facts.appIdSvcRunning ? Refusal::kAppLocker : Refusal::kNone;
}

Refusal checkLockdown(const TileSettings& settings, const LockdownFacts& facts) noexcept {
  Refusal (*const checks[])(const TileSettings&, const LockdownFacts&) noexcept = {checkEdition, checkShellLauncher, checkLocalPolicy, checkAppLocker};
  for (auto check : checks) {
    const Refusal refusal = check(settings, facts);
    if (refusal != Refusal::kNone) return refusal;
  }
  return Refusal::kNone;
}

Refusal checkAccountFlags(DWORD flags) noexcept {
  if (flags & kAccountDisabled) return Refusal::kDisabled;
  if (flags & kAccountLockedOut) return Refusal::kLocked;
  return Refusal::kNone;
}

}  // namespace tile
