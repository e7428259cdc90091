#include "harness.h"

#include <cstdio>

#include "guids.h"
#include "settings.h"

namespace t {
namespace {
int g_failures = 0;
}

void check(bool ok, const std::string& name) {
  std::printf("%s - %s\n", ok ? "ok" : "FAIL", name.c_str());
  std::fflush(stdout);
  if (!ok) ++g_failures;
}

int failures() { return g_failures; }

void clearProductKey() { RegDeleteTreeW(HKEY_LOCAL_MACHINE, tile::kProductKey); }

static void setValue(const wchar_t* name, DWORD type, const void* data, DWORD bytes) {
  tile::RegKey key;
  const bool ok = RegCreateKeyExW(HKEY_LOCAL_MACHINE, tile::kProductKey, 0, nullptr, 0, KEY_SET_VALUE, nullptr, key.put(), nullptr) == ERROR_SUCCESS &&
                  RegSetValueExW(key.get(), name, 0, type, static_cast<const BYTE*>(data), bytes) == ERROR_SUCCESS;
  if (!ok) check(false, "registry write");
}

void setDword(const wchar_t* name, DWORD value) { setValue(name, REG_DWORD, &value, sizeof value); }
void setString(const wchar_t* name, const wchar_t* value) {
  setValue(name, REG_SZ, value, static_cast<DWORD>((wcslen(value) + 1) * sizeof(wchar_t)));
}
void deleteValue(const wchar_t* name) { RegDeleteKeyValueW(HKEY_LOCAL_MACHINE, tile::kProductKey, name); }
void setReady() {
  setDword(L"Ready", 1);
  setString(L"KioskAccount", kAccount);
  setString(L"KioskSid", kSid);
  setString(L"KioskShell", kShell);
  setString(L"ShellMode", L"ShellLauncher");
  setDword(L"AppLocker", 1);
}

bool loadDll(const wchar_t* path, Dll& dll) {
  dll.module = LoadLibraryW(path);
  if (!dll.module) return false;
  dll.getClassObject = reinterpret_cast<decltype(dll.getClassObject)>(reinterpret_cast<void*>(GetProcAddress(dll.module, "DllGetClassObject")));
  dll.canUnloadNow = reinterpret_cast<decltype(dll.canUnloadNow)>(reinterpret_cast<void*>(GetProcAddress(dll.module, "DllCanUnloadNow")));
  return dll.getClassObject && dll.canUnloadNow;
}

ICredentialProvider* newProvider(const Dll& dll) {
  tile::ComPtr<IClassFactory> factory;
  void* p = nullptr;
  if (FAILED(dll.getClassObject(tile::kClsidProvider, IID_IClassFactory, &p))) return nullptr;
  factory.attach(static_cast<IClassFactory*>(p));
  p = nullptr;
  if (FAILED(factory.get()->CreateInstance(nullptr, IID_ICredentialProvider, &p))) return nullptr;
  return static_cast<ICredentialProvider*>(p);
}

bool offeredTile(const Dll& dll, tile::ComPtr<ICredentialProvider>& provider, tile::ComPtr<ICredentialProviderCredential>& credential) {
  provider.attach(newProvider(dll));
  credential.reset();
  if (!provider.get() || provider.get()->SetUsageScenario(CPUS_LOGON, 0) != S_OK) return false;
  ICredentialProviderCredential* c = nullptr;
  if (provider.get()->GetCredentialAt(0, &c) != S_OK) return false;
  credential.attach(c);
  return true;
}

bool readyTile(const Dll& dll, tile::ComPtr<ICredentialProvider>& provider, tile::ComPtr<ICredentialProviderCredential>& credential,
               const std::string& purpose) {
  clearProductKey();
  setReady();
  const bool offered = offeredTile(dll, provider, credential);
  check(offered, purpose);
  return offered;
}

std::wstring takeString(LPWSTR text) {
  std::wstring copy = text ? text : L"<null>";
  CoTaskMemFree(text);
  return copy;
}

std::wstring stringValue(ICredentialProviderCredential* credential, DWORD field) {
  LPWSTR text = nullptr;
  return SUCCEEDED(credential->GetStringValue(field, &text)) ? takeString(text) : L"<failed>";
}

Serialization::~Serialization() {
  if (cs.rgbSerialization) SecureZeroMemory(cs.rgbSerialization, cs.cbSerialization);
  CoTaskMemFree(cs.rgbSerialization);
}

void serialize(ICredentialProviderCredential* credential, Serialization& out) {
  LPWSTR status = nullptr;
  out.hr = credential->GetSerialization(&out.response, &out.cs, &status, &out.icon);
  out.status = status ? takeString(status) : L"";
}

void pressSubmit(const Dll& dll, void (*change)(), Serialization& out) {
  clearProductKey();
  setReady();
  if (change) change();
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!offeredTile(dll, provider, credential)) return check(false, "tile offered before the submit button");
  serialize(credential.get(), out);
}

bool autoLogon(ICredentialProviderCredential* credential) {
  BOOL automatic = FALSE;
  return credential->SetSelected(&automatic) == S_OK && automatic == TRUE;
}

}  // namespace t
