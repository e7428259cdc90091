// The production secret source. Reviewed by hand: Wine cannot run it (LsaRetrievePrivateData is a stub,
// there is no Negotiate package, CredProtectW is unimplemented); the manual checklist signs in for real.
#include "system_port.h"

#include <ntsecapi.h>
#include <wincred.h>

#define SECURITY_WIN32
#include <security.h>

#include "diagnostics.h"

namespace tile {
namespace {

constexpr wchar_t kSecretKey[] = L"L$WachtwoordVergetenKiosk";

class LsaPolicy {  // LsaOpenPolicy handle
 public:
  ~LsaPolicy() { if (h_) LsaClose(h_); }
  LSA_HANDLE h_ = nullptr;
};

class LsaPrivateData {  // LsaRetrievePrivateData's buffer: wiped, then LsaFreeMemory
 public:
  ~LsaPrivateData() {
    if (!p_) return;
    if (p_->Buffer) SecureZeroMemory(p_->Buffer, p_->Length);
    LsaFreeMemory(p_);
  }
  PLSA_UNICODE_STRING p_ = nullptr;
};

class LsaConnection {  // LsaConnectUntrusted handle
 public:
  ~LsaConnection() { if (h_) LsaDeregisterLogonProcess(h_); }
  HANDLE h_ = nullptr;
};

}  // namespace

HRESULT readKioskPassword(SecretString& password) noexcept {
  password.wipe();
  LSA_OBJECT_ATTRIBUTES attributes{};  // "should be zero" (LsaOpenPolicy docs)
  LsaPolicy policy;
  NTSTATUS status = LsaOpenPolicy(nullptr, &attributes, POLICY_GET_PRIVATE_INFORMATION, &policy.h_);
  if (!ntSuccess(status)) return hrFromNtStatus(status);
  LSA_UNICODE_STRING key;
  key.Buffer = const_cast<PWSTR>(kSecretKey);
  key.Length = key.MaximumLength = static_cast<USHORT>(sizeof kSecretKey - sizeof(wchar_t));
  LsaPrivateData data;
  status = LsaRetrievePrivateData(policy.h_, &key, &data.p_);
  if (!ntSuccess(status)) return hrFromNtStatus(status);
  if (!data.p_ || !data.p_->Buffer || data.p_->Length % sizeof(wchar_t)) return E_UNEXPECTED;
  return password.assign(data.p_->Buffer, data.p_->Length / sizeof(wchar_t));
}

HRESULT lookupNegotiatePackage(ULONG* package) noexcept {
  if (!package) return E_POINTER;
  LsaConnection lsa;
  NTSTATUS status = LsaConnectUntrusted(&lsa.h_);
  if (!ntSuccess(status)) return hrFromNtStatus(status);
  char name[] = NEGOSSP_NAME_A;
  LSA_STRING packageName;
  packageName.Buffer = name;
  packageName.Length = static_cast<USHORT>(sizeof name - 1);
  packageName.MaximumLength = static_cast<USHORT>(sizeof name);
  status = LsaLookupAuthenticationPackage(lsa.h_, &packageName, package);
  return ntSuccess(status) ? S_OK : hrFromNtStatus(status);
}

HRESULT protectPassword(const SecretString& plain, SecretString& protectedText) noexcept {
  protectedText.wipe();
  if (plain.empty()) return E_INVALIDARG;
  SecretString input;  // CredProtectW takes a non-const string; it gets a wiped copy
  HRESULT hr = input.assign(plain.data(), plain.size());
  if (FAILED(hr)) return hr;
  const DWORD inputChars = static_cast<DWORD>(input.size() + 1);  // the count includes the NUL (sample)
  DWORD needed = 0;
  if (CredProtectW(FALSE, input.data(), inputChars, nullptr, &needed, nullptr)) return E_UNEXPECTED;
  if (GetLastError() != ERROR_INSUFFICIENT_BUFFER || needed == 0) return hrFromLastError();
  hr = protectedText.allocate(needed);
  if (FAILED(hr)) return hr;
  DWORD written = needed;
  if (!CredProtectW(FALSE, input.data(), inputChars, protectedText.data(), &written, nullptr)) {
    hr = hrFromLastError();
    protectedText.wipe();
    return hr;
  }
  protectedText.setLengthFromTerminator();
  return protectedText.empty() ? E_UNEXPECTED : S_OK;
}

}  // namespace tile
