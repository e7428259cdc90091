// Values shared by the test-only DLL (fake_system.cpp, fake_lockdown.cpp) and the test program, so the program
// can check that exactly these reached the serialized logon, and can set each fact the fake port reports.
#pragma once

#include <windows.h>

namespace fake {

inline constexpr wchar_t kPassword[] = L"Fake-Kiosk-Password-For-Tests-Only-7f3k9q2m";
inline constexpr wchar_t kProtectedPrefix[] = L"protected:";  // stands in for CredProtectW's output
inline constexpr ULONG kNegotiatePackage = 0x5ec7;
// Test-only override of the fake password (REG_SZ under the product key), read by the fake DLL only.
inline constexpr wchar_t kPasswordOverrideValue[] = L"TestOnlyFakePassword";

// The fake system port's facts (under the product key; absent = as install.ps1 leaves a PC).
inline constexpr wchar_t kProductType[] = L"TestOnlyProductType";              // DWORD, default 4 (Enterprise)
inline constexpr wchar_t kShellLauncherOff[] = L"TestOnlyShellLauncherOff";    // DWORD 1: Shell Launcher disabled
inline constexpr wchar_t kShellLauncherShell[] = L"TestOnlyShellLauncherShell";  // REG_SZ, default KioskShell
inline constexpr wchar_t kLocalPolicyOff[] = L"TestOnlyLocalPolicyOff";        // DWORD 1: DisableLGPOProcessing
inline constexpr wchar_t kUserPolicyShell[] = L"TestOnlyUserPolicyShell";      // REG_SZ, default KioskShell
inline constexpr wchar_t kAppIdSvcStopped[] = L"TestOnlyAppIdSvcStopped";      // DWORD 1: AppIDSvc not running
inline constexpr wchar_t kAccountFlags[] = L"TestOnlyAccountFlags";            // DWORD usri1_flags, default 0
inline constexpr wchar_t kUnlockFails[] = L"TestOnlyUnlockFails";              // DWORD 1: clearing UF_LOCKOUT fails
inline constexpr wchar_t kUnsafePath[] = L"TestOnlyUnsafePath";                // REG_SZ: this path has a non-admin owner

}  // namespace fake
