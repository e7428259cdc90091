// COM server and provider life cycle as LogonUI drives it: class factory, scenarios offered and refused,
// Advise/UnAdvise, the kill switch, and reference counting down to DllCanUnloadNow.
#include "fake_events.h"
#include "guids.h"
#include "harness.h"
#include "suites.h"

namespace t {
namespace {

HRESULT scenarioAnswer(const Dll& dll, CREDENTIAL_PROVIDER_USAGE_SCENARIO scenario, DWORD* credentials = nullptr) {
  tile::ComPtr<ICredentialProvider> provider;
  provider.attach(newProvider(dll));
  if (!provider.get()) return E_FAIL;
  const HRESULT hr = provider.get()->SetUsageScenario(scenario, 0);
  DWORD count = 99, defaultIndex = 0;
  BOOL autoLogon = TRUE;
  provider.get()->GetCredentialCount(&count, &defaultIndex, &autoLogon);
  if (credentials) *credentials = count;
  return hr;
}

}  // namespace

void lifecycleSuite(const Dll& dll) {
  check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK before any object exists");
  void* p = nullptr;
  const CLSID other = {0x12345678, 0x1234, 0x1234, {1, 2, 3, 4, 5, 6, 7, 8}};
  check(dll.getClassObject(other, IID_IClassFactory, &p) == CLASS_E_CLASSNOTAVAILABLE && !p, "DllGetClassObject refuses another CLSID");
  check(dll.getClassObject(tile::kClsidProvider, IID_IClassFactory, &p) == S_OK && p, "DllGetClassObject gives the IClassFactory");
  tile::ComPtr<IClassFactory> factory;
  factory.attach(static_cast<IClassFactory*>(p));
  check(dll.canUnloadNow() == S_FALSE, "a live class factory keeps the DLL loaded");
  if (!factory.get()) return;
  factory.get()->LockServer(TRUE);
  factory.reset();
  check(dll.canUnloadNow() == S_FALSE, "LockServer(TRUE) keeps the DLL loaded");
  check(dll.getClassObject(tile::kClsidProvider, IID_IClassFactory, &p) == S_OK, "class factory again");
  factory.attach(static_cast<IClassFactory*>(p));
  factory.get()->LockServer(FALSE);
  int outer = 0;  // never called through: aggregation is refused before the outer object is used
  p = nullptr;
  check(factory.get()->CreateInstance(reinterpret_cast<IUnknown*>(&outer), IID_IUnknown, &p) == CLASS_E_NOAGGREGATION && !p,
        "CreateInstance refuses aggregation");
  check(factory.get()->CreateInstance(nullptr, IID_ICredentialProvider, &p) == S_OK && p, "CreateInstance gives an ICredentialProvider");
  tile::ComPtr<ICredentialProvider> provider;
  provider.attach(static_cast<ICredentialProvider*>(p));
  factory.reset();
  void* wrong = reinterpret_cast<void*>(1);
  check(provider.get()->QueryInterface(IID_ICredentialProviderCredential, &wrong) == E_NOINTERFACE && !wrong,
        "the provider is not a credential (E_NOINTERFACE)");
  check(provider.get()->SetSerialization(nullptr) == E_NOTIMPL, "SetSerialization is refused (no incoming credentials)");
  FakeProviderEvents events;
  check(provider.get()->Advise(&events, 42) == S_OK && provider.get()->UnAdvise() == S_OK && events.refs == 0,
        "Advise/UnAdvise succeed and keep no reference");
  provider.reset();
  check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK after the provider's last Release");
}

void scenarioSuite(const Dll& dll) {
  clearProductKey();
  setReady();
  DWORD credentials = 0;
  check(scenarioAnswer(dll, CPUS_LOGON, &credentials) == S_OK && credentials == 1, "CPUS_LOGON is offered, with one tile");
  const struct { CREDENTIAL_PROVIDER_USAGE_SCENARIO scenario; const char* name; } refused[] = {
      {CPUS_INVALID, "CPUS_INVALID"}, {CPUS_UNLOCK_WORKSTATION, "CPUS_UNLOCK_WORKSTATION"}, {CPUS_CHANGE_PASSWORD, "CPUS_CHANGE_PASSWORD"},
      {CPUS_CREDUI, "CPUS_CREDUI"}, {CPUS_PLAP, "CPUS_PLAP"}, {static_cast<CREDENTIAL_PROVIDER_USAGE_SCENARIO>(99), "an unknown scenario"}};
  for (const auto& r : refused) {
    credentials = 99;
    check(scenarioAnswer(dll, r.scenario, &credentials) == E_NOTIMPL && credentials == 0,
          std::string(r.name) + " is refused with E_NOTIMPL and enumerates no tile");
  }
  setDword(L"Disabled", 1);
  check(scenarioAnswer(dll, CPUS_LOGON, &credentials) == E_NOTIMPL && credentials == 0, "kill switch Disabled=1 hides the tile");
  setString(L"Disabled", L"1");
  check(scenarioAnswer(dll, CPUS_LOGON) == E_NOTIMPL, "kill switch of the wrong type (REG_SZ) also hides the tile");
  setDword(L"Disabled", 0);
  check(scenarioAnswer(dll, CPUS_LOGON) == S_OK, "Disabled=0 shows the tile");
  deleteValue(L"Disabled");
  clearProductKey();
  check(scenarioAnswer(dll, CPUS_LOGON, &credentials) == S_OK && credentials == 1,
        "without the product key the tile is still offered (it shows the status text)");
  check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK after the scenario checks");
}

void referenceSuite(const Dll& dll) {
  tile::ComPtr<ICredentialProvider> provider;
  tile::ComPtr<ICredentialProviderCredential> credential;
  if (!readyTile(dll, provider, credential, "tile offered for the reference checks")) return;
  ICredentialProviderCredential* again = nullptr;
  check(provider.get()->GetCredentialAt(0, &again) == S_OK && again == credential.get(), "GetCredentialAt(0) returns the same tile");
  if (again) again->Release();
  FakeCredentialEvents events;
  check(credential.get()->Advise(&events) == S_OK && events.refs == 1, "credential Advise keeps one reference to the events");
  check(credential.get()->UnAdvise() == S_OK && events.refs == 0, "credential UnAdvise releases it");
  provider.reset();
  check(dll.canUnloadNow() == S_FALSE, "a credential outliving its provider keeps the DLL loaded");
  credential.reset();
  check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK after the credential's last Release");
}

}  // namespace t
