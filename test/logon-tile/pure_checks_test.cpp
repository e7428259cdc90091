// The pure checks on their own, with inputs LogonUI's Windows would give them: the Registry.pol reader (the
// bytes registry-pol.ps1 writes), who may change a file or folder (owner, ACEs, the volume root), the parent
// walk, the editions with Shell Launcher, and that every refusal has its own Dutch text.
#include <set>
#include <string>
#include <vector>

#include "folder_check.h"
#include "harness.h"
#include "lockdown.h"
#include "policy_file.h"
#include "status.h"
#include "suites.h"

namespace t {
namespace {

void put(std::vector<BYTE>& out, const std::wstring& text) {
  for (wchar_t c : text) { out.push_back(static_cast<BYTE>(c & 0xFF)); out.push_back(static_cast<BYTE>(c >> 8)); }
}
void putDword(std::vector<BYTE>& out, DWORD v) { for (int i = 0; i < 4; ++i) out.push_back(static_cast<BYTE>(v >> (8 * i))); }

// One record as registry-pol.ps1's ConvertTo-RegistryPol writes it.
void record(std::vector<BYTE>& out, const std::wstring& key, const std::wstring& name, DWORD type, const std::vector<BYTE>& data) {
  put(out, L"[" + key + std::wstring(1, L'\0') + L";" + name + std::wstring(1, L'\0') + L";");
  putDword(out, type);
  put(out, L";");
  putDword(out, static_cast<DWORD>(data.size()));
  put(out, L";");
  out.insert(out.end(), data.begin(), data.end());
  put(out, L"]");
}
std::vector<BYTE> sz(const std::wstring& text) { std::vector<BYTE> d; put(d, text + std::wstring(1, L'\0')); return d; }
std::vector<BYTE> header() { std::vector<BYTE> d; putDword(d, 0x67655250); putDword(d, 1); return d; }

const wchar_t kSystem[] = L"Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System";

std::wstring findShell(const std::vector<BYTE>& pol) {
  tile::BoundedText<300> out;
  return tile::findPolicyString(pol.data(), pol.size(), kSystem, L"Shell", out) ? std::wstring(out.text, out.length) : L"<none>";
}

void policyFile() {
  std::vector<BYTE> pol = header();
  std::vector<BYTE> one = {1, 0, 0, 0};
  record(pol, kSystem, L"DisableTaskMgr", REG_DWORD, one);
  record(pol, kSystem, L"Shell", REG_SZ, sz(kShell));
  check(findShell(pol) == kShell, "Registry.pol: the Shell value is read from registry-pol.ps1's format");
  std::vector<BYTE> upper = header();
  record(upper, L"SOFTWARE\\MICROSOFT\\Windows\\CurrentVersion\\Policies\\System", L"SHELL", REG_SZ, sz(L"x.exe"));
  check(findShell(upper) == L"x.exe", "Registry.pol: key and value names compare case-insensitively");
  std::vector<BYTE> twice = pol;
  record(twice, kSystem, L"Shell", REG_SZ, sz(L"explorer.exe"));
  check(findShell(twice) == L"explorer.exe", "Registry.pol: a later record wins");
  std::vector<BYTE> dword = header();
  record(dword, kSystem, L"Shell", REG_DWORD, one);
  check(findShell(dword) == L"<none>", "Registry.pol: a Shell that is not a string is no shell");
  std::vector<BYTE> none = header();
  record(none, L"Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer", L"Shell", REG_SZ, sz(kShell));
  check(findShell(none) == L"<none>", "Registry.pol: Shell under another key is not the policy Shell");
  std::vector<BYTE> cut(pol.begin(), pol.end() - 3);
  check(findShell(cut) == L"<none>", "Registry.pol: a truncated file is refused");
  std::vector<BYTE> bad = pol;
  bad[0] = 'X';
  check(findShell(bad) == L"<none>" && findShell(header()) == L"<none>", "Registry.pol: a wrong signature or no records: no Shell");
}

tile::PathSecurity secured(std::initializer_list<tile::AceFact> aces) {
  tile::PathSecurity s;
  s.owner = tile::Trustee::kTrusted;
  s.hasDacl = true;
  for (const auto& a : aces) s.aces[s.count++] = a;
  return s;
}
tile::AceFact ace(tile::Trustee who, DWORD mask, bool inheritOnly = false, bool allow = true) {
  tile::AceFact a;
  a.who = who; a.mask = mask; a.inheritOnly = inheritOnly; a.allow = allow;
  return a;
}

void folders() {
  using tile::Trustee;
  const auto admin = ace(Trustee::kTrusted, GENERIC_ALL);
  check(!tile::foreignMayChange(secured({admin, ace(Trustee::kOther, 0x1200A9)}), false), "folder: administrators full, Users read: safe");
  check(tile::foreignMayChange(secured({admin, ace(Trustee::kOther, 0x2)}), false), "folder: Users may add files: unsafe");
  check(tile::foreignMayChange(secured({admin, ace(Trustee::kOther, WRITE_DAC)}), false), "folder: Users may change permissions: unsafe");
  check(tile::foreignMayChange(secured({admin, ace(Trustee::kOther, GENERIC_WRITE)}), false), "folder: GENERIC_WRITE for Users: unsafe");
  check(!tile::foreignMayChange(secured({admin, ace(Trustee::kOther, 0x1301BF, true)}), false), "folder: Users' modify inherit-only: safe");
  check(!tile::foreignMayChange(secured({admin, ace(Trustee::kCreatorOwner, GENERIC_ALL)}), false), "folder: CREATOR OWNER: safe");
  check(!tile::foreignMayChange(secured({admin, ace(Trustee::kOther, GENERIC_ALL, false, false)}), false), "folder: a deny ACE grants nothing");
  tile::PathSecurity owned = secured({admin});
  owned.owner = Trustee::kOther;
  check(tile::foreignMayChange(owned, false), "folder: owned by a non-administrator: unsafe");
  tile::PathSecurity open = secured({});
  open.hasDacl = false;
  check(tile::foreignMayChange(open, false), "folder: no DACL (everyone full access): unsafe");
  const auto createFolders = ace(Trustee::kOther, 0x4);
  check(!tile::foreignMayChange(secured({admin, createFolders}), true) && tile::foreignMayChange(secured({admin, createFolders}), false),
        "volume root: Authenticated Users may create folders in C:\\ (as Windows ships it), not in a folder on the path");
  check(tile::foreignMayChange(secured({admin, ace(Trustee::kOther, 0x40)}), true), "volume root: delete child (rename a folder on the path): unsafe");

  wchar_t parent[MAX_PATH + 1];
  bool root = true;
  check(tile::parentFolder(L"C:\\Program Files\\W\\x.dll", parent, MAX_PATH + 1, &root) && std::wstring(parent) == L"C:\\Program Files\\W" && !root,
        "parent of the DLL is its folder");
  check(tile::parentFolder(L"C:\\Program Files", parent, MAX_PATH + 1, &root) && std::wstring(parent) == L"C:\\" && root, "parent of C:\\Program Files is the root");
  check(!tile::parentFolder(L"C:\\", parent, MAX_PATH + 1, &root) && !tile::parentFolder(L"\\\\server\\share\\x.dll", parent, MAX_PATH + 1, &root),
        "the root has no parent; a UNC path is not walked (refused)");
}

void editionsAndTexts() {
  check(tile::editionHasShellLauncher(0x04) && tile::editionHasShellLauncher(0x79) && tile::editionHasShellLauncher(0x7D) && tile::editionHasShellLauncher(0xBC),
        "Shell Launcher editions: Enterprise, Education, Enterprise LTSC, IoT Enterprise");
  check(!tile::editionHasShellLauncher(0x30) && !tile::editionHasShellLauncher(0x65) && !tile::editionHasShellLauncher(0xA1) && !tile::editionHasShellLauncher(0),
        "no Shell Launcher on Pro, Home, Pro for Workstations, or an unknown product");
  std::set<std::wstring> texts;
  for (DWORD r = 1; r <= static_cast<DWORD>(tile::Refusal::kUnsafeFolder); ++r) texts.insert(tile::statusText(static_cast<tile::Refusal>(r)));
  check(texts.size() == 9, "every refusal has its own status text (9)");
  bool dutch = true;
  for (const auto& text : texts) dutch = dutch && text.find(L"Wachtwoord vergeten") == 0 && text.find(L"servicedesk") != std::wstring::npos;
  check(dutch, "each status text names the product and says whom to ask");
}

}  // namespace

void pureChecksSuite() {
  policyFile();
  folders();
  editionsAndTexts();
}

}  // namespace t
