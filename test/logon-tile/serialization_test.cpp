// GetSerialization and ReportResult. The real DLL under Wine shows the missing-secret path (Wine's
// LsaRetrievePrivateData finds nothing). The test-only DLL (fake secret source) shows the success path:
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

void missingSecretSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "set up, but no secret in LSA: the tile is offered")) return;
  FakeCredentialEvents events;
  credential.get()->Advise(&events);
  check(autoLogon(credential.get()), "no secret: selecting the tile tries to sign in");
  Serialization s;
  serialize(credential.get(), s);
  check(s.hr == S_OK && s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization && s.cs.cbSerialization == 0,
        "no secret: nothing is serialized");
  check(s.status == tile::kNotSetUpStatus && s.icon == CPSI_ERROR, "no secret: the status text with the error icon");
  check(events.lastField == tile::kFieldSubtitle && events.lastText == tile::kNotSetUpStatus, "no secret: the small text turns into the status text");
  check(!autoLogon(credential.get()), "no secret: no second automatic attempt");
  credential.get()->UnAdvise();
  check(events.refs == 0, "no secret: the events reference is released");
}

void successSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "fake secret: tile offered")) return;
  check(autoLogon(credential.get()), "fake secret: selecting the tile signs in at once");
  Serialization s;
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
  check(autoLogon(credential.get()), "after a successful logon report the tile still works");
  const LONG kAccountLockedOut = static_cast<LONG>(0xC0000234);  // STATUS_ACCOUNT_LOCKED_OUT
  check(credential.get()->ReportResult(kAccountLockedOut, 0, &text, &icon) == S_OK && takeString(text) == tile::kNotSetUpStatus && icon == CPSI_ERROR,
        "ReportResult(account locked out): the status text");
  check(!autoLogon(credential.get()), "after a failed logon: no further automatic attempt");
  Serialization s;
  serialize(credential.get(), s);
  check(s.response == CPGSR_NO_CREDENTIAL_NOT_FINISHED && !s.cs.rgbSerialization, "after a failed logon: nothing serialized");
  check(stringValue(credential.get(), tile::kFieldSubtitle) == tile::kNotSetUpStatus, "after a failed logon: the small text is the status text");
}

}  // namespace t
