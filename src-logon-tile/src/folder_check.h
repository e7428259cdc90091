// Only admin-writable code runs in LogonUI: the tile refuses when its own DLL, or any folder above it, can be
// changed by anyone but SYSTEM, Administrators and TrustedInstaller (the same rule as install.ps1's check of
// -TileDll and -AppExe). Pure: the security descriptors come from the system port, reduced to these facts.
#pragma once

#include <windows.h>

#include <cstddef>

namespace tile {

enum class Trustee : BYTE { kTrusted, kCreatorOwner, kOther };  // SYSTEM/Administrators/TrustedInstaller, S-1-3-0, anyone else

struct AceFact {
  Trustee who = Trustee::kOther;
  bool allow = true;         // ACCESS_ALLOWED_ACE_TYPE (any other type counts as allow: never trusted blindly)
  bool inheritOnly = false;  // INHERIT_ONLY_ACE: grants nothing on this object itself
  DWORD mask = 0;
};

struct PathSecurity {
  Trustee owner = Trustee::kOther;  // an owner may always change the DACL
  bool hasDacl = false;             // no DACL (SE_DACL_PRESENT clear or a NULL DACL) = everyone full access
  size_t count = 0;
  bool truncated = false;           // more ACEs than fit: refused
  AceFact aces[48];
};

// Rights that let a principal change a file or folder, or what is in it: write/append data (= add file / add
// subfolder), write EA/attributes, delete child, delete, WRITE_DAC, WRITE_OWNER, GENERIC_WRITE, GENERIC_ALL.
// The same mask as settings.ps1 ($WriteMask).
inline constexpr DWORD kChangeMask = 0x500D0156;
// On the volume root only the rights that could replace a folder on the path: delete child, delete,
// WRITE_DAC, WRITE_OWNER, GENERIC_ALL. (Windows lets Authenticated Users create folders in C:\ itself.)
inline constexpr DWORD kReplaceMask = 0x100D0040;

// True when someone other than SYSTEM/Administrators/TrustedInstaller may change this object.
bool foreignMayChange(const PathSecurity& security, bool volumeRoot) noexcept;

// The parent folder of `path` (a full path "C:\\a\\b\\x.dll"), written to `parent` (at least MAX_PATH + 1
// characters); false at the root. `isRoot` tells whether the parent is the volume root ("C:\\").
bool parentFolder(const wchar_t* path, wchar_t* parent, size_t capacity, bool* isRoot) noexcept;

}  // namespace tile
