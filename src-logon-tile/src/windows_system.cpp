// The production lock-down and account facts behind the checks before a sign-in (system_port.h). Under Wine the
// test-only tile-real-lockdown.dll runs this file for real (edition, registry, the kiosk's Registry.pol, the service
// manager, NetUserGetInfo); what Wine lacks (Shell Launcher, AppIDSvc, SAM lock-out) is on the manual checklist.
#include "system_port.h"

#include <lm.h>

#include "diagnostics.h"
#include "policy_file.h"
#include "raii.h"

namespace tile {
namespace {

constexpr wchar_t kShellLauncherKey[] = L"SOFTWARE\\Microsoft\\Windows Embedded\\Shell Launcher";
constexpr wchar_t kSystemPolicyKey[] = L"SOFTWARE\\Policies\\Microsoft\\Windows\\System";
constexpr wchar_t kPolicyShellKey[] = L"Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";

DWORD readDword(HKEY root, const wchar_t* key, const wchar_t* name, DWORD fallback) noexcept {
  DWORD value = 0, size = sizeof value;
  const LONG status = RegGetValueW(root, key, name, RRF_RT_REG_DWORD, nullptr, &value, &size);
  return status == ERROR_SUCCESS ? value : fallback;
}

void readText(HKEY root, const wchar_t* key, const wchar_t* name, BoundedText<300>& out) noexcept {
  wchar_t buffer[301];
  DWORD bytes = sizeof buffer;
  if (RegGetValueW(root, key, name, RRF_RT_REG_SZ, nullptr, buffer, &bytes) != ERROR_SUCCESS) return;
  out.assign(buffer, wcsnlen(buffer, 300));
}

// Shell Launcher's settings as its WMI provider (WESL_UserSetting) keeps them: "Enabled" under the key, and a
// subkey per configured SID with its "Shell". Not a documented interface: if Windows moves them, the tile
// refuses (WV-2), which the manual checklist sees at the first sign-in.
void readShellLauncher(const TileSettings& settings, LockdownFacts& facts) noexcept {
  facts.shellLauncherOn = readDword(HKEY_LOCAL_MACHINE, kShellLauncherKey, L"Enabled", 0) == 1;
  wchar_t key[sizeof kShellLauncherKey / sizeof(wchar_t) + 200];
  size_t n = 0;
  for (const wchar_t* p = kShellLauncherKey; *p;) key[n++] = *p++;
  key[n++] = L'\\';
  for (size_t i = 0; i < settings.sid.length; ++i) key[n++] = settings.sid.text[i];
  key[n] = L'\0';
  readText(HKEY_LOCAL_MACHINE, key, L"Shell", facts.shellLauncherShell);
}

// %SystemRoot%\System32\GroupPolicyUsers\<SID>\User\Registry.pol: the kiosk's per-user local policy.
void readUserPolicyShell(const TileSettings& settings, LockdownFacts& facts) noexcept {
  wchar_t path[MAX_PATH + 1];
  const UINT chars = GetSystemDirectoryW(path, MAX_PATH + 1);
  if (chars == 0 || chars + 19 + settings.sid.length + 18 > MAX_PATH) return;
  size_t n = chars;
  for (const wchar_t* p = L"\\GroupPolicyUsers\\"; *p;) path[n++] = *p++;
  for (size_t i = 0; i < settings.sid.length; ++i) path[n++] = settings.sid.text[i];
  for (const wchar_t* p = L"\\User\\Registry.pol"; *p;) path[n++] = *p++;
  path[n] = L'\0';
  HANDLE file = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
  if (file == INVALID_HANDLE_VALUE) return;
  constexpr DWORD kMaxBytes = 64 * 1024;  // the kiosk's file is about 4 KB; a bigger one is not install.ps1's
  auto* image = static_cast<BYTE*>(HeapAlloc(GetProcessHeap(), 0, kMaxBytes));
  DWORD read = 0;
  const BOOL ok = image && ReadFile(file, image, kMaxBytes, &read, nullptr);
  CloseHandle(file);
  if (ok && read < kMaxBytes) findPolicyString(image, read, kPolicyShellKey, L"Shell", facts.userPolicyShell);
  if (image) HeapFree(GetProcessHeap(), 0, image);
}

bool serviceRunning(const wchar_t* name) noexcept {
  SC_HANDLE manager = OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT);
  if (!manager) return false;
  SC_HANDLE service = OpenServiceW(manager, name, SERVICE_QUERY_STATUS);
  SERVICE_STATUS status{};
  const bool running = service && QueryServiceStatus(service, &status) && status.dwCurrentState == SERVICE_RUNNING;
  if (service) CloseServiceHandle(service);
  CloseServiceHandle(manager);
  return running;
}

}  // namespace

HRESULT readLockdownFacts(const TileSettings& settings, LockdownFacts& facts) noexcept {
  facts = LockdownFacts{};
  if (!GetProductInfo(10, 0, 0, 0, &facts.productType)) return hrFromLastError();
  if (settings.shellMode == ShellMode::kShellLauncher) readShellLauncher(settings, facts);
  facts.localPolicyOff = readDword(HKEY_LOCAL_MACHINE, kSystemPolicyKey, L"DisableLGPOProcessing", 0) == 1;
  if (settings.shellMode == ShellMode::kUserPolicy) readUserPolicyShell(settings, facts);
  if (settings.appLocker) facts.appIdSvcRunning = serviceRunning(L"AppIDSvc");
  return S_OK;
}

HRESULT readAccountFlags(const wchar_t* account, DWORD* flags) noexcept {
  if (!account || !flags) return E_POINTER;
  USER_INFO_1* info = nullptr;
  const NET_API_STATUS status = NetUserGetInfo(nullptr, account, 1, reinterpret_cast<LPBYTE*>(&info));
  if (status != NERR_Success) return HRESULT_FROM_WIN32(status);
  *flags = info->usri1_flags;
  NetApiBufferFree(info);
  return S_OK;
}

HRESULT clearAccountLockout(const wchar_t* account) noexcept {
  DWORD flags = 0;
  const HRESULT hr = readAccountFlags(account, &flags);
  if (FAILED(hr)) return hr;
  USER_INFO_1008 info{flags & ~static_cast<DWORD>(UF_LOCKOUT)};
  const NET_API_STATUS status = NetUserSetInfo(nullptr, account, 1008, reinterpret_cast<LPBYTE>(&info), nullptr);
  return status == NERR_Success ? S_OK : HRESULT_FROM_WIN32(status);
}

}  // namespace tile
