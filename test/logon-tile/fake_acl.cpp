// TEST ONLY, linked into tile-fake-secret.dll and tile-real-lockdown.dll, never into wachtwoord-vergeten-tile.dll:
// stands in for src-logon-tile/src/windows_acl.cpp, whose answer under Wine is always "the Wine user owns it".
#include <cwchar>

#include "fake_values.h"
#include "system_port.h"

namespace tile {
namespace {

AceFact ace(Trustee who, DWORD mask, bool inheritOnly) {
  AceFact a;
  a.who = who;
  a.mask = mask;
  a.inheritOnly = inheritOnly;
  return a;
}

}  // namespace

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

}  // namespace tile
