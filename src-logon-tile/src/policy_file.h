// Reads one string value out of a Registry.pol image (Microsoft "Registry Policy File Format", [MS-GPREG]
// 2.2.1; the format registry-pol.ps1 writes): the header "PReg" + version 1, then records
// [key;value;type;size;data] whose brackets and semicolons are UTF-16LE characters, key and value UTF-16LE
// with a NUL, type and size little-endian DWORDs, data `size` bytes. Pure: the caller reads the file.
#pragma once

#include <windows.h>

#include <cstddef>

#include "settings.h"

namespace tile {

// The REG_SZ/REG_EXPAND_SZ value `name` of `key` (both compared case-insensitively, as the registry does).
// A later record wins over an earlier one, as the client applies them in order. False when absent, when the
// file is malformed anywhere, or when the value does not fit `out`.
bool findPolicyString(const BYTE* data, size_t size, const wchar_t* key, const wchar_t* name, BoundedText<300>& out) noexcept;

}  // namespace tile
