// The Wine test program's harness: named checks ("ok - …" / "FAIL - …", counted), the product key in the
// (Wine) registry, and the DLL loaded the way COM loads an in-process server.
#pragma once

#include <string>

#include "credential_provider_api.h"
#include "raii.h"

namespace t {

void check(bool ok, const std::string& name);
int failures();

// HKLM\SOFTWARE\Wachtwoord vergeten, as install.ps1 writes it.
void clearProductKey();
void setDword(const wchar_t* name, DWORD value);
void setString(const wchar_t* name, const wchar_t* value);
void deleteValue(const wchar_t* name);
inline constexpr wchar_t kAccount[] = L"wwv-7f3k9q2m";
inline constexpr wchar_t kSid[] = L"S-1-5-21-1-2-3-1001";
inline constexpr wchar_t kShell[] = L"\"C:\\Program Files\\Wachtwoord vergeten\\WachtwoordVergeten.exe\"";
// Ready = 1, KioskAccount = kAccount, KioskSid = kSid, KioskShell = kShell, ShellMode = ShellLauncher, AppLocker = 1.
void setReady();

struct Dll {
  HMODULE module = nullptr;
  HRESULT(STDAPICALLTYPE* getClassObject)(REFCLSID, REFIID, void**) = nullptr;
  HRESULT(STDAPICALLTYPE* canUnloadNow)() = nullptr;
};
bool loadDll(const wchar_t* path, Dll& dll);

// A fresh provider from the class factory (as LogonUI gets one), or null.
ICredentialProvider* newProvider(const Dll& dll);
// A provider set up for CPUS_LOGON and its one credential (both null when not offered).
bool offeredTile(const Dll& dll, tile::ComPtr<ICredentialProvider>& provider, tile::ComPtr<ICredentialProviderCredential>& credential);

// The product key reset to "set up" (setReady), then offeredTile; reported as the check `purpose`.
bool readyTile(const Dll& dll, tile::ComPtr<ICredentialProvider>& provider, tile::ComPtr<ICredentialProviderCredential>& credential,
               const std::string& purpose);

std::wstring takeString(LPWSTR text);  // copies, then CoTaskMemFree
std::wstring stringValue(ICredentialProviderCredential* credential, DWORD field);

// The credential's answer to GetSerialization; the buffer is freed (after wiping) by the destructor.
struct Serialization {
  HRESULT hr = E_FAIL;
  CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE response = CPGSR_NO_CREDENTIAL_NOT_FINISHED;
  CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION cs{};
  std::wstring status;
  CREDENTIAL_PROVIDER_STATUS_ICON icon = CPSI_NONE;
  ~Serialization();
};
void serialize(ICredentialProviderCredential* credential, Serialization& out);
bool autoLogon(ICredentialProviderCredential* credential);
// A fresh tile, set up (setReady) plus `change`, then the submit button pressed: its GetSerialization.
void pressSubmit(const Dll& dll, void (*change)(), Serialization& out);

}  // namespace t
