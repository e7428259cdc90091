#include "folder_check.h"

#include <cwchar>

namespace tile {

bool foreignMayChange(const PathSecurity& security, bool volumeRoot) noexcept {
  if (security.owner != Trustee::kTrusted || !security.hasDacl || security.truncated) return true;
  const DWORD dangerous = volumeRoot ? kReplaceMask : kChangeMask;
  for (size_t i = 0; i < security.count && i < sizeof security.aces / sizeof security.aces[0]; ++i) {
    const AceFact& ace = security.aces[i];
    // CREATOR OWNER only shapes what is inherited by new objects; on the object itself it grants nothing.
    if (!ace.allow || ace.inheritOnly || ace.who != Trustee::kOther) continue;
    if (ace.mask & dangerous) return true;
  }
  return false;
}

bool parentFolder(const wchar_t* path, wchar_t* parent, size_t capacity, bool* isRoot) noexcept {
  if (!path || !parent || !isRoot || capacity < 4) return false;
  const size_t length = wcsnlen(path, capacity);
  if (length >= capacity || length < 3 || path[1] != L':' || path[2] != L'\\') return false;  // "X:\\..." only
  size_t end = length;
  while (end > 3 && path[end - 1] == L'\\') --end;  // "C:\\a\\" is the folder "C:\\a"
  if (end <= 3) return false;                          // already the root
  size_t slash = end - 1;
  while (slash > 2 && path[slash] != L'\\') --slash;
  const size_t keep = slash == 2 ? 3 : slash;  // the parent of "C:\\a" is "C:\\"
  for (size_t i = 0; i < keep; ++i) parent[i] = path[i];
  parent[keep] = L'\0';
  *isRoot = keep == 3;
  return true;
}

}  // namespace tile
