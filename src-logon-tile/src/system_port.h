// What the tile asks of Windows' security subsystem: the three calls that need LSA. The shipped DLL links
// lsa_system.cpp; only the test build links test/logon-tile/fake_system.cpp instead (Wine's
// LsaRetrievePrivateData is a stub). A link-time choice: the shipped DLL has no other secret source and no
// switch that could select one.
#pragma once

#include <windows.h>

#include "secret.h"

namespace tile {

// The kiosk account's password, LSA private data L$WachtwoordVergetenKiosk (UTF-16, no terminator).
HRESULT readKioskPassword(SecretString& password) noexcept;

// The Negotiate package's id (LsaConnectUntrusted + LsaLookupAuthenticationPackage).
HRESULT lookupNegotiatePackage(ULONG* package) noexcept;

// The password as CredProtectW encrypts it for the caller's logon session (LogonUI runs as SYSTEM; LSA
// decrypts it), as Microsoft's sample does for CPUS_LOGON, so the serialized block holds no plain password.
HRESULT protectPassword(const SecretString& plain, SecretString& protectedText) noexcept;

}  // namespace tile
