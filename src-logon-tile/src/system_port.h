// What the tile asks of Windows: the three calls that need LSA, and the facts behind every check before a
// sign-in (lock-down, the DLL's folder, the kiosk account). The shipped DLL links lsa_system.cpp and
// windows_system.cpp; only the test build links test/logon-tile/fake_system.cpp and fake_lockdown.cpp instead
// (Wine's LsaRetrievePrivateData is a stub, and Wine has no Shell Launcher, AppIDSvc or local policy). A
// link-time choice: the shipped DLL has no other source for any of these and no switch that could select one.
#pragma once

#include <windows.h>

#include "folder_check.h"
#include "lockdown.h"
#include "secret.h"
#include "settings.h"

namespace tile {

// The kiosk account's password, LSA private data L$WachtwoordVergetenKiosk (UTF-16, no terminator).
HRESULT readKioskPassword(SecretString& password) noexcept;

// The Negotiate package's id (LsaConnectUntrusted + LsaLookupAuthenticationPackage).
HRESULT lookupNegotiatePackage(ULONG* package) noexcept;

// The password as CredProtectW encrypts it for the caller's logon session (LogonUI runs as SYSTEM; LSA
// decrypts it), as Microsoft's sample does for CPUS_LOGON, so the serialized block holds no plain password.
HRESULT protectPassword(const SecretString& plain, SecretString& protectedText) noexcept;

// The lock-down as it is now, for the kiosk SID and shell in `settings` (lockdown.h). Fails only when a fact
// cannot be read at all; a missing entry is a fact (empty text, false).
HRESULT readLockdownFacts(const TileSettings& settings, LockdownFacts& facts) noexcept;

// Owner and DACL of a file or folder, reduced to folder_check.h's facts.
HRESULT readPathSecurity(const wchar_t* path, PathSecurity& security) noexcept;

// The local account's usri1_flags (NetUserGetInfo level 1), and clearing its UF_LOCKOUT (level 1008).
HRESULT readAccountFlags(const wchar_t* account, DWORD* flags) noexcept;
HRESULT clearAccountLockout(const wchar_t* account) noexcept;

}  // namespace tile
