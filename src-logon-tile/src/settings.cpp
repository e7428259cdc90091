#include "settings.h"

#include <cwchar>

#include "raii.h"
#include "texts.h"

namespace tile {
namespace {

bool openProductKey(RegKey& key) noexcept {
  // KEY_WOW64_64KEY: the same key install.ps1 writes, whatever the bitness of the process reading it.
  return RegOpenKeyExW(HKEY_LOCAL_MACHINE, kProductKey, 0, KEY_QUERY_VALUE | KEY_WOW64_64KEY, key.put()) == ERROR_SUCCESS;
}

LONG readDword(HKEY key, const wchar_t* name, DWORD& value) noexcept {
  DWORD size = sizeof(value);
  return RegGetValueW(key, nullptr, name, RRF_RT_REG_DWORD, nullptr, &value, &size);
}

// REG_SZ only (RRF_RT_REG_SZ: RegGetValueW adds the NUL). Empty or too long (ERROR_MORE_DATA) = absent.
template <size_t N>
bool readString(HKEY key, const wchar_t* name, BoundedText<N>& out) noexcept {
  wchar_t buffer[N + 1];
  DWORD bytes = sizeof buffer;
  if (RegGetValueW(key, nullptr, name, RRF_RT_REG_SZ, nullptr, buffer, &bytes) != ERROR_SUCCESS) return false;
  const size_t chars = wcsnlen(buffer, N + 1);
  return chars > 0 && chars <= N && out.assign(buffer, chars);
}

template <size_t N>
void assignDefault(BoundedText<N>& out, const wchar_t* text) noexcept { out.assign(text, std::wcslen(text)); }

}  // namespace

bool tileDisabled() noexcept {
  RegKey key;
  if (!openProductKey(key)) return false;
  DWORD disabled = 0;
  const LONG status = readDword(key.get(), L"Disabled", disabled);
  if (status == ERROR_FILE_NOT_FOUND) return false;
  return status != ERROR_SUCCESS || disabled != 0;
}

void readTileSettings(TileSettings& settings) noexcept {
  settings = TileSettings{};
  assignDefault(settings.title, kDefaultTitle);
  assignDefault(settings.subtitle, kDefaultSubtitle);
  RegKey key;
  if (!openProductKey(key)) return;
  readString(key.get(), L"TileTitle", settings.title);
  readString(key.get(), L"TileSubtitle", settings.subtitle);
  BoundedText<20> account;
  if (readString(key.get(), L"KioskAccount", account) && isValidSamAccountName(account.text, account.length)) settings.account = account;
  BoundedText<184> sid;
  if (readString(key.get(), L"KioskSid", sid) && isValidSid(sid.text, sid.length)) settings.sid = sid;
  readString(key.get(), L"KioskShell", settings.shell);
  BoundedText<20> mode;
  if (readString(key.get(), L"ShellMode", mode)) {
    if (std::wcscmp(mode.text, L"ShellLauncher") == 0) settings.shellMode = ShellMode::kShellLauncher;
    if (std::wcscmp(mode.text, L"UserPolicy") == 0) settings.shellMode = ShellMode::kUserPolicy;
  }
  DWORD appLocker = 0;
  settings.appLocker = readDword(key.get(), L"AppLocker", appLocker) == ERROR_SUCCESS && appLocker != 0;
  DWORD ready = 0;
  settings.ready = readDword(key.get(), L"Ready", ready) == ERROR_SUCCESS && ready == 1 && settings.account.length > 0 &&
                   settings.sid.length > 0 && settings.shell.length > 0 && settings.shellMode != ShellMode::kNone;
}

bool isValidSamAccountName(const wchar_t* name, size_t chars) noexcept {
  if (!name || chars == 0 || chars > 20) return false;
  bool onlyDotsAndSpaces = true;
  for (size_t i = 0; i < chars; ++i) {
    const wchar_t c = name[i];
    if (c < 0x20 || c == 0x7f || std::wcschr(L"\"/\\[]:;|=,+*?<>@", c)) return false;
    if (c != L'.' && c != L' ') onlyDotsAndSpaces = false;
  }
  return !onlyDotsAndSpaces;
}

bool isValidSid(const wchar_t* sid, size_t chars) noexcept {
  if (!sid || chars < 5 || chars > 184 || std::wcsncmp(sid, L"S-1-", 4) != 0) return false;
  for (size_t i = 4; i < chars; ++i) {
    if ((sid[i] < L'0' || sid[i] > L'9') && sid[i] != L'-') return false;
  }
  return sid[chars - 1] != L'-';
}

}  // namespace tile
