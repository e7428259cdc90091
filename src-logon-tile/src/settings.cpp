#include "settings.h"

#include <windows.h>

#include "raii.h"
#include "texts.h"

namespace tile {
namespace {

constexpr size_t kMaxTextChars = 256;  // longer texts would not fit a tile anyway

bool openProductKey(RegKey& key) noexcept {
  // KEY_WOW64_64KEY: the same key install.ps1 writes, whatever the bitness of the process reading it.
  return RegOpenKeyExW(HKEY_LOCAL_MACHINE, kProductKey, 0, KEY_QUERY_VALUE | KEY_WOW64_64KEY, key.put()) == ERROR_SUCCESS;
}

LONG readDword(HKEY key, const wchar_t* name, DWORD& value) noexcept {
  DWORD size = sizeof(value);
  return RegGetValueW(key, nullptr, name, RRF_RT_REG_DWORD, nullptr, &value, &size);
}

// REG_SZ only (RRF_RT_REG_SZ; RegGetValueW guarantees the NUL). Empty or too long = absent.
bool readString(HKEY key, const wchar_t* name, std::wstring& value) {
  DWORD bytes = 0;
  if (RegGetValueW(key, nullptr, name, RRF_RT_REG_SZ, nullptr, nullptr, &bytes) != ERROR_SUCCESS) return false;
  if (bytes < 2 * sizeof(wchar_t) || bytes > (kMaxTextChars + 1) * sizeof(wchar_t)) return false;
  std::wstring buffer(bytes / sizeof(wchar_t), L'\0');
  if (RegGetValueW(key, nullptr, name, RRF_RT_REG_SZ, nullptr, buffer.data(), &bytes) != ERROR_SUCCESS) return false;
  buffer.resize(wcsnlen(buffer.c_str(), buffer.size()));
  if (buffer.empty()) return false;
  value.swap(buffer);
  return true;
}

}  // namespace

bool tileDisabled() noexcept {
  RegKey key;
  if (!openProductKey(key)) return false;
  DWORD disabled = 0;
  const LONG status = readDword(key.get(), L"Disabled", disabled);
  if (status == ERROR_FILE_NOT_FOUND) return false;
  return status != ERROR_SUCCESS || disabled != 0;
}

TileSettings readTileSettings() {
  TileSettings settings;
  settings.title = kDefaultTitle;
  settings.subtitle = kDefaultSubtitle;
  RegKey key;
  if (!openProductKey(key)) return settings;
  std::wstring text;
  if (readString(key.get(), L"TileTitle", text)) settings.title = text;
  if (readString(key.get(), L"TileSubtitle", text)) settings.subtitle = text;
  if (readString(key.get(), L"KioskAccount", text) && isValidSamAccountName(text)) settings.account = text;
  DWORD ready = 0;
  settings.ready = readDword(key.get(), L"Ready", ready) == ERROR_SUCCESS && ready == 1 && !settings.account.empty();
  return settings;
}

bool isValidSamAccountName(const std::wstring& name) noexcept {
  if (name.empty() || name.size() > 20) return false;
  bool onlyDotsAndSpaces = true;
  for (wchar_t c : name) {
    if (c < 0x20 || c == 0x7f || wcschr(L"\"/\\[]:;|=,+*?<>@", c)) return false;
    if (c != L'.' && c != L' ') onlyDotsAndSpaces = false;
  }
  return !onlyDotsAndSpaces;
}

}  // namespace tile
