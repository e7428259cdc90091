// The shipped lock-down and account reads (src/windows_system.cpp) for real under Wine, in the test-only
// tile-real-lockdown.dll (fake secret and folder facts only): Wine's edition (GetProductInfo), registry
// (DisableLGPOProcessing), the kiosk's Registry.pol file, the service manager (AppIDSvc) and the SAM
// (NetUserGetInfo) as on Windows; each refusal Wine can show, and a serialized logon when all hold.
#include <string>
#include <vector>

#include "harness.h"
#include "suites.h"
#include "fields.h"
#include "texts.h"

namespace t {
namespace {

const wchar_t kPolicyKey[] = L"Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";

void putUtf16(std::vector<BYTE>& out, const std::wstring& text) {
  for (wchar_t c : text) { out.push_back(static_cast<BYTE>(c & 0xFF)); out.push_back(static_cast<BYTE>(c >> 8)); }
}
void putDword(std::vector<BYTE>& out, DWORD v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<BYTE>(v >> (8 * i))); }

// %SystemRoot%\System32\GroupPolicyUsers\<kSid>\User\Registry.pol with Shell = `shell`, as registry-pol.ps1 writes it.
bool writeUserPolicy(const wchar_t* shell) {
  wchar_t system[MAX_PATH + 1];
  GetSystemDirectoryW(system, MAX_PATH + 1);
  std::wstring dir = std::wstring(system) + L"\\GroupPolicyUsers";
  CreateDirectoryW(dir.c_str(), nullptr);
  dir += std::wstring(L"\\") + kSid;
  CreateDirectoryW(dir.c_str(), nullptr);
  dir += L"\\User";
  CreateDirectoryW(dir.c_str(), nullptr);
  const std::wstring file = dir + L"\\Registry.pol";
  if (!shell) return DeleteFileW(file.c_str()) || GetLastError() == ERROR_FILE_NOT_FOUND;
  std::vector<BYTE> pol;
  putDword(pol, 0x67655250);
  putDword(pol, 1);
  const std::wstring data = std::wstring(shell) + std::wstring(1, L'\0');
  putUtf16(pol, L"[" + std::wstring(kPolicyKey) + std::wstring(1, L'\0') + L";Shell" + std::wstring(1, L'\0') + L";");
  putDword(pol, REG_SZ);
  putUtf16(pol, L";");
  putDword(pol, static_cast<DWORD>(data.size() * 2));
  putUtf16(pol, L";" + data + L"]");
  HANDLE h = CreateFileW(file.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
  DWORD written = 0;
  const bool ok = h != INVALID_HANDLE_VALUE && WriteFile(h, pol.data(), static_cast<DWORD>(pol.size()), &written, nullptr) && written == pol.size();
  if (h != INVALID_HANDLE_VALUE) CloseHandle(h);
  return ok;
}

void setLocalPolicyOff(bool off) {
  const wchar_t key[] = L"SOFTWARE\\Policies\\Microsoft\\Windows\\System";
  if (!off) { RegDeleteKeyValueW(HKEY_LOCAL_MACHINE, key, L"DisableLGPOProcessing"); return; }
  const DWORD one = 1;
  RegSetKeyValueW(HKEY_LOCAL_MACHINE, key, L"DisableLGPOProcessing", REG_DWORD, &one, sizeof one);
}

std::wstring g_user;  // Wine's own account: the one NetUserGetInfo finds

void policyMode() {
  setReady();
  setString(L"ShellMode", L"UserPolicy");
  setDword(L"AppLocker", 0);
  setString(L"KioskAccount", g_user.c_str());
}

std::wstring refusalText(const Dll& dll, void (*change)()) {
  Serialization s;
  pressSubmit(dll, change, s);
  return s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization ? s.status : L"<serialized>";
}

}  // namespace

void realChainSuite(const Dll& dll) {
  wchar_t name[257];
  DWORD chars = 257;
  check(GetUserNameW(name, &chars) && chars > 1, "Wine's user name");
  g_user.assign(name, chars - 1);
  check(writeUserPolicy(kShell), "the kiosk's Registry.pol written (Shell = the kiosk exe)");
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  clearProductKey();
  policyMode();
  check(offeredTile(dll, provider, credential) && stringValue(credential.get(), tile::kFieldSubtitle) == tile::kDefaultSubtitle,
        "real lock-down reads: the tile shows its own text");
  check(refusalText(dll, policyMode) == L"<serialized>", "real lock-down reads, policy mode, every check holds: signed in");
  check(refusalText(dll, [] { policyMode(); setLocalPolicyOff(true); }) == tile::kLockdownLocalPolicyStatus,
        "real lock-down reads: DisableLGPOProcessing = 1 in the registry refuses with WV-3");
  setLocalPolicyOff(false);
  check(refusalText(dll, [] { policyMode(); writeUserPolicy(L"explorer.exe"); }) == tile::kLockdownUserPolicyStatus,
        "real lock-down reads: the kiosk's Registry.pol with another Shell refuses with WV-4");
  check(refusalText(dll, [] { policyMode(); writeUserPolicy(nullptr); }) == tile::kLockdownUserPolicyStatus,
        "real lock-down reads: no Registry.pol for the kiosk refuses with WV-4");
  writeUserPolicy(kShell);
  check(refusalText(dll, [] { policyMode(); setDword(L"AppLocker", 1); }) == tile::kLockdownAppLockerStatus,
        "real lock-down reads: AppLocker installed, no running AppIDSvc (Wine has none) refuses with WV-5");
  check(refusalText(dll, [] { policyMode(); setString(L"KioskAccount", L"wwv-absent"); }) == tile::kNotSetUpStatus,
        "real lock-down reads: a kiosk account the SAM does not know is not set up");
  const std::wstring launcher = refusalText(dll, [] { policyMode(); setString(L"ShellMode", L"ShellLauncher"); });
  check(launcher == tile::kLockdownEditionStatus || launcher == tile::kLockdownShellLauncherStatus,
        "real lock-down reads: Shell Launcher mode is refused under Wine (its edition, or no Shell Launcher): WV-1 or WV-2");
  writeUserPolicy(nullptr);
  clearProductKey();
}

}  // namespace t
