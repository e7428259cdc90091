// Why the tile refuses to sign in, and the Dutch status text the nurse reads for each reason. Three texts say
// what to do (not set up, temporarily locked, switched off); every lock-down check that fails has the "niet
// goed ingesteld" text with its own code, so the servicedesk knows which check (docs/windows-kiosk.md, "Codes").
#pragma once

#include <windows.h>

namespace tile {

enum class Refusal : DWORD {
  kNone = 0,
  kNotSetUp,         // Ready/KioskAccount/kiosk facts missing, no secret, or a failed logon
  kLocked,           // the kiosk account is locked out and could not be unlocked
  kDisabled,         // the kiosk account is disabled (install failed closed, or an admin switched it off)
  kEdition,          // WV-1: this edition has no Shell Launcher any more (e.g. Enterprise became Pro)
  kShellLauncher,    // WV-2: Shell Launcher off, or no entry with the kiosk exe for the kiosk SID
  kLocalPolicyOff,   // WV-3: local Group Policy processing turned off (DisableLGPOProcessing)
  kUserPolicyShell,  // WV-4: the kiosk user's policy Shell value is missing or another program
  kAppLocker,        // WV-5: AppLocker was installed but the Application Identity service is not running
  kUnsafeFolder,     // WV-6: the tile DLL, or a folder above it, can be changed by a non-administrator
};

// The status text LogonUI shows (small text and GetSerialization/ReportResult), never null.
const wchar_t* statusText(Refusal refusal) noexcept;
// A short English name for the trace line (diagnostics.h), never null.
const wchar_t* refusalName(Refusal refusal) noexcept;

}  // namespace tile
