// GetSerialization and ReportResult: the tile's one security-relevant path, reached only when the person pressed
// the submit button. First the lock-down and the account (guard.h), then the secret. Any refusal shows its
// status text and returns no credential; secrets live in SecretString buffers that wipe themselves on every path.
#include "credential.h"
#include "diagnostics.h"
#include "fields.h"
#include "guard.h"
#include "guids.h"
#include "kerb_pack.h"
#include "system_port.h"
#include "texts.h"

namespace tile {
namespace {

// install.ps1 stores a CSPRNG password of at least 32 characters; anything shorter (or empty) means the
// secret is not the one the installer made, so the tile refuses it. 256 is Windows' password limit.
constexpr size_t kMinPasswordChars = 32;
constexpr size_t kMaxPasswordChars = 256;
// NTSTATUS values ReportResult tells apart (ntstatus.h).
constexpr DWORD kStatusAccountLockedOut = 0xC0000234;  // STATUS_ACCOUNT_LOCKED_OUT
constexpr DWORD kStatusAccountDisabled = 0xC0000072;   // STATUS_ACCOUNT_DISABLED

HRESULT failed(const wchar_t* step, HRESULT hr) noexcept {
  trace(step, hr);
  return hr;
}

}  // namespace

HRESULT Credential::serialize(CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION& out) const noexcept {
  // A local account: the domain is this computer's NetBIOS name, as Microsoft's sample packs it.
  wchar_t computer[MAX_COMPUTERNAME_LENGTH + 1];
  DWORD computerChars = MAX_COMPUTERNAME_LENGTH + 1;
  if (!GetComputerNameW(computer, &computerChars)) return failed(L"GetComputerNameW", hrFromLastError());

  // The secret first: it is what a half-installed machine lacks, and the one step Wine can show failing.
  SecretString password;
  HRESULT hr = readKioskPassword(password);
  if (FAILED(hr)) return failed(L"LsaRetrievePrivateData", hr);
  if (password.size() < kMinPasswordChars || password.size() > kMaxPasswordChars)
    return failed(L"kiosk password length", HRESULT_FROM_WIN32(ERROR_INVALID_PASSWORD));

  SecretString protectedPassword;
  hr = protectPassword(password, protectedPassword);
  password.wipe();
  if (FAILED(hr)) return failed(L"CredProtectW", hr);

  ULONG package = 0;
  hr = lookupNegotiatePackage(&package);
  if (FAILED(hr)) return failed(L"LsaLookupAuthenticationPackage", hr);

  InteractiveLogon logon{{computer, computerChars}, {settings_.account.text, settings_.account.length}, {protectedPassword.data(), protectedPassword.size()}};
  BYTE* block = nullptr;
  DWORD size = 0;
  hr = packInteractiveLogon(logon, &block, &size);
  if (FAILED(hr)) return failed(L"pack logon", hr);
  out.ulAuthenticationPackage = package;
  out.clsidCredentialProvider = kClsidProvider;
  out.cbSerialization = size;
  out.rgbSerialization = block;
  return S_OK;
}

HRESULT Credential::GetSerialization(CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE* response,
                                     CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION* serialization, LPWSTR* statusText,
                                     CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) noexcept {
  if (!response || !serialization) return E_POINTER;
  *response = CPGSR_NO_CREDENTIAL_NOT_FINISHED;
  *serialization = {};
  if (statusText) *statusText = nullptr;
  if (statusIcon) *statusIcon = CPSI_NONE;

  Refusal refusal = refusal_;
  if (refusal == Refusal::kNotSetUp) failed(L"not set up (Ready, KioskAccount, KioskSid, KioskShell, ShellMode)", E_ACCESSDENIED);
  // At every sign-in, in this order: nothing is read from LSA unless the kiosk would really be a kiosk.
  if (refusal == Refusal::kNone) refusal = proveLockdown(settings_);
  if (refusal == Refusal::kNone) refusal = prepareAccount(settings_);
  if (refusal == Refusal::kNone && FAILED(serialize(*serialization))) refusal = Refusal::kNotSetUp;
  if (refusal == Refusal::kNone) {
    *response = CPGSR_RETURN_CREDENTIAL_FINISHED;
    return S_OK;
  }
  *serialization = {};
  markUnusable(refusal);
  reportStatus(statusText, statusIcon);
  return S_OK;  // handled: LogonUI shows the status text and stays on the tile
}

HRESULT Credential::ReportResult(LONG status, LONG substatus, LPWSTR* statusText, CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) noexcept {
  if (statusText) *statusText = nullptr;
  if (statusIcon) *statusIcon = CPSI_NONE;
  if (ntSuccess(status)) return S_OK;  // signed in
  // Locked out (between our unlock and LSA's check) or disabled have their own texts; a wrong password or a
  // logon right denied mean the kiosk account is not as install.ps1 left it. The tile stays refused: no
  // second attempt from this tile object (that would only count towards a lock-out).
  trace(L"LsaLogonUser", hrFromNtStatus(status));
  if (substatus) trace(L"LsaLogonUser substatus", hrFromNtStatus(substatus));
  const auto code = static_cast<DWORD>(status);
  markUnusable(code == kStatusAccountLockedOut ? Refusal::kLocked : code == kStatusAccountDisabled ? Refusal::kDisabled : Refusal::kNotSetUp);
  reportStatus(statusText, statusIcon);
  return S_OK;
}

void Credential::markUnusable(Refusal refusal) noexcept {
  refusal_ = refusal == Refusal::kNone ? Refusal::kNotSetUp : refusal;
  if (events_.get()) events_.get()->SetFieldString(this, kFieldSubtitle, statusText(refusal_));
}

void Credential::reportStatus(LPWSTR* statusText, CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) const noexcept {
  if (statusText && FAILED(coTaskStrDup(tile::statusText(refusal_), statusText))) *statusText = nullptr;
  if (statusIcon) *statusIcon = CPSI_ERROR;
}

}  // namespace tile
