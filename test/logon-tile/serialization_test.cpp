// GetSerialization and ReportResult. The real DLL under Wine shows its own folder check refusing (the build
// folder belongs to the Wine user). The test-only DLL (fake secret source) shows the success path:
// the packed KERB_INTERACTIVE_UNLOCK_LOGON is unpacked here field by field, offsets checked.
#include "harness.h"

#include <ntsecapi.h>

#include "fake_events.h"
#include "fake_values.h"
#include "fields.h"
#include "guids.h"
#include "suites.h"
#include "texts.h"

namespace t {
namespace {

// One packed UNICODE_STRING: Buffer is an offset from the block's start; it must lie inside the block.
bool unpack(const CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION& cs, const UNICODE_STRING& s, ULONG_PTR expectedOffset, std::wstring& out) {
  const auto offset = reinterpret_cast<ULONG_PTR>(s.Buffer);
  if (offset != expectedOffset || s.Length != s.MaximumLength || s.Length % 2 || offset + s.Length > cs.cbSerialization) return false;
  out.assign(reinterpret_cast<const wchar_t*>(cs.rgbSerialization + offset), s.Length / 2);
  return true;
}

std::wstring computerName() {
  wchar_t name[MAX_COMPUTERNAME_LENGTH + 1];
  DWORD chars = MAX_COMPUTERNAME_LENGTH + 1;
  return GetComputerNameW(name, &chars) ? std::wstring(name, chars) : L"<none>";
}

}  // namespace

// The shipped DLL's own folder check, for real: under Wine the DLL lies in a temporary folder the (Wine) user
// owns, which is exactly a folder a non-administrator may change. The tile must show WV-6 at once and never
// read the secret (its LSA stub is not even reached: no LsaRetrievePrivateData trace line).
void realFolderSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "set up, DLL in a user-owned folder: the tile is offered")) return;
  FakeCredentialEvents events;
  credential.get()->Advise(&events);
  check(stringValue(credential.get(), tile::kFieldSubtitle) == tile::kLockdownFolderStatus, "user-owned DLL folder: the tile shows WV-6 at once");
  check(!autoLogon(credential.get()), "user-owned DLL folder: selecting the tile does not sign in");
  Serialization s;
  serialize(credential.get(), s);
  check(s.hr == S_OK && s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization && s.cs.cbSerialization == 0,
        "user-owned DLL folder: nothing is serialized");
  check(s.status == tile::kLockdownFolderStatus && s.icon == CPSI_ERROR, "user-owned DLL folder: GetSerialization answers with WV-6");
  credential.get()->UnAdvise();
  check(events.refs == 0, "the events reference is released");
}

void successSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "fake secret: tile offered")) return;
  check(!autoLogon(credential.get()), "fake secret: selecting the tile does not sign in");
  Serialization s;  // the person presses the submit button
  serialize(credential.get(), s);
  check(s.hr == S_OK && s.response == CPGSR_RETURN_CREDENTIAL_FINISHED && s.cs.rgbSerialization, "fake secret: a credential is returned");
  check(s.status.empty() && s.icon == CPSI_NONE, "fake secret: no status text");
  check(s.cs.ulAuthenticationPackage == fake::kNegotiatePackage, "the Negotiate package id from LsaLookupAuthenticationPackage");
  check(IsEqualGUID(s.cs.clsidCredentialProvider, tile::kClsidProvider), "our CLSID in the serialization");
  if (!s.cs.rgbSerialization || s.cs.cbSerialization < sizeof(KERB_INTERACTIVE_UNLOCK_LOGON)) return check(false, "block holds the header");
  KERB_INTERACTIVE_UNLOCK_LOGON header;
  memcpy(&header, s.cs.rgbSerialization, sizeof header);
  check(header.Logon.MessageType == KerbInteractiveLogon, "MessageType KerbInteractiveLogon");
  check(header.LogonId.LowPart == 0 && header.LogonId.HighPart == 0, "LogonId zero");
  std::wstring domain, user, password;
  const ULONG_PTR start = sizeof(KERB_INTERACTIVE_UNLOCK_LOGON);
  const bool strings = unpack(s.cs, header.Logon.LogonDomainName, start, domain) &&
                       unpack(s.cs, header.Logon.UserName, start + header.Logon.LogonDomainName.Length, user) &&
                       unpack(s.cs, header.Logon.Password, start + header.Logon.LogonDomainName.Length + header.Logon.UserName.Length, password);
  check(strings && s.cs.cbSerialization == start + (domain.size() + user.size() + password.size()) * 2,
        "strings packed in order right after the header, as offsets from the block start, block size exact");
  check(domain == computerName(), "domain is the computer name (local account)");
  check(user == kAccount, "user is KioskAccount");
  check(password == std::wstring(fake::kProtectedPrefix) + fake::kPassword, "password is the secret as protectPassword returned it");
  SecureZeroMemory(&password[0], password.size() * sizeof(wchar_t));

  const struct { const char* name; const wchar_t* secret; } refused[] = {
      {"an empty secret", L""}, {"a secret shorter than 32 characters", L"0123456789abcdefghijklmnopqrstu"}};
  for (const auto& r : refused) {
    setString(fake::kPasswordOverrideValue, r.secret);
    check(offeredTile(dll, provider, credential), "tile offered for a bad secret");
    Serialization bad;
    serialize(credential.get(), bad);
    check(bad.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !bad.cs.rgbSerialization && bad.status == tile::kNotSetUpStatus,
          std::string(r.name) + " is refused: status text, nothing serialized");
  }
  deleteValue(fake::kPasswordOverrideValue);
}

void failedLogonSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "tile offered for ReportResult")) return;
  LPWSTR text = reinterpret_cast<LPWSTR>(1);
  CREDENTIAL_PROVIDER_STATUS_ICON icon = CPSI_WARNING;
  check(credential.get()->ReportResult(0, 0, &text, &icon) == S_OK && !text && icon == CPSI_NONE, "ReportResult(success): no text");
  const struct { LONG status; const wchar_t* text; const char* name; } results[] = {
      {static_cast<LONG>(0xC0000234), tile::kLockedStatus, "account locked out"},    // STATUS_ACCOUNT_LOCKED_OUT
      {static_cast<LONG>(0xC0000072), tile::kDisabledStatus, "account disabled"},    // STATUS_ACCOUNT_DISABLED
      {static_cast<LONG>(0xC000006A), tile::kNotSetUpStatus, "wrong password"},      // STATUS_WRONG_PASSWORD
  };
  for (const auto& r : results) {
    if (!offeredTile(dll, provider, credential)) return check(false, "tile offered for ReportResult");
    check(credential.get()->ReportResult(r.status, 0, &text, &icon) == S_OK && takeString(text) == r.text && icon == CPSI_ERROR,
          std::string("ReportResult(") + r.name + "): its status text");
  }
  check(!autoLogon(credential.get()), "after a failed logon: no automatic attempt");
  Serialization s;
  serialize(credential.get(), s);
  check(s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization, "after a failed logon: nothing serialized");
  check(stringValue(credential.get(), tile::kFieldSubtitle) == tile::kNotSetUpStatus, "after a failed logon: the small text is the status text");
}

}  // namespace t
