// The lock-down proven at every sign-in: small pure functions over facts the system port reports
// (system_port.h), so the Wine tests can feed every refusal through the test-only port. Each answers
// Refusal::kNone or the reason; nothing here touches Windows.
#pragma once

#include <windows.h>

#include "settings.h"
#include "status.h"

namespace tile {

// What makes the kiosk account's session a kiosk, as Windows has it right now.
struct LockdownFacts {
  DWORD productType = 0;              // GetProductInfo (PRODUCT_* of winnt.h)
  bool shellLauncherOn = false;       // Shell Launcher enabled
  BoundedText<300> shellLauncherShell;  // its custom shell for the kiosk SID; empty = no entry
  bool localPolicyOff = false;        // HKLM\SOFTWARE\Policies\Microsoft\Windows\System DisableLGPOProcessing = 1
  BoundedText<300> userPolicyShell;   // Shell in the kiosk SID's per-user local policy (Registry.pol); empty = none
  bool appIdSvcRunning = false;       // the Application Identity service (AppIDSvc) is running
};

// Shell Launcher's editions (WESL_UserSetting, "Windows edition requirements"): Enterprise, Enterprise LTSC,
// Education, IoT Enterprise. PRODUCT_* values from winnt.h, the same list as common.ps1 Test-LockdownEdition.
bool editionHasShellLauncher(DWORD productType) noexcept;

Refusal checkEdition(const TileSettings& settings, const LockdownFacts& facts) noexcept;
Refusal checkShellLauncher(const TileSettings& settings, const LockdownFacts& facts) noexcept;
Refusal checkLocalPolicy(const TileSettings& settings, const LockdownFacts& facts) noexcept;
Refusal checkAppLocker(const TileSettings& settings, const LockdownFacts& facts) noexcept;
// All of the above, in that order: the first refusal, or kNone.
Refusal checkLockdown(const TileSettings& settings, const LockdownFacts& facts) noexcept;

// The kiosk account's flags (USER_INFO_1 usri1_flags): UF_ACCOUNTDISABLE and UF_LOCKOUT (lmaccess.h).
inline constexpr DWORD kAccountDisabled = 0x0002;
inline constexpr DWORD kAccountLockedOut = 0x0010;
Refusal checkAccountFlags(DWORD flags) noexcept;

}  // namespace tile
