// Values shared by the test-only DLL (fake_system.cpp) and the test program, so the program can check that
// exactly these reached the serialized logon.
#pragma once

#include <windows.h>

namespace fake {

inline constexpr wchar_t kPassword[] = L"Fake-Kiosk-Password-For-Tests-Only-7f3k9q2m";
inline constexpr wchar_t kProtectedPrefix[] = L"protected:";  // stands in for CredProtectW's output
inline constexpr ULONG kNegotiatePackage = 0x5ec7;
// Test-only override of the fake password (REG_SZ under the product key), read by the fake DLL only.
inline constexpr wchar_t kPasswordOverrideValue[] = L"TestOnlyFakePassword";

}  // namespace fake
