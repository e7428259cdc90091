// Packs the logon for the Negotiate package as Winlogon and LSA consume it: one block holding a
// KERB_INTERACTIVE_UNLOCK_LOGON followed by the domain, user and password characters (no NULs), where each
// UNICODE_STRING's Buffer holds the byte offset from the start of the block instead of a pointer.
// Same layout as KerbInteractiveUnlockLogonPack in Microsoft's credential provider sample (helpers.cpp).
#pragma once

#include <windows.h>

#include <string_view>

namespace tile {

struct InteractiveLogon {
  std::wstring_view domain;    // the computer name, for a local account
  std::wstring_view user;
  std::wstring_view password;  // may be CredProtect'ed text; copied, never kept
};

// *out is CoTaskMemAlloc'ed (LogonUI frees it); on failure *out is null and nothing is left allocated.
// MessageType is KerbInteractiveLogon (CPUS_LOGON; the tile never serializes for any other scenario).
HRESULT packInteractiveLogon(const InteractiveLogon& logon, BYTE** out, DWORD* size) noexcept;

}  // namespace tile
