#include "provider.h"

#include "fields.h"
#include "guard.h"
#include "settings.h"

namespace tile {

HRESULT Provider::create(REFIID riid, void** ppv) noexcept {
  if (!ppv) return E_POINTER;
  *ppv = nullptr;
  auto* provider = new (HeapObject::NoThrow{}) Provider();
  if (!provider) return E_OUTOFMEMORY;
  const HRESULT hr = provider->QueryInterface(riid, ppv);
  provider->Release();
  return hr;
}

// CPUS_LOGON only. Since Windows 10 the lock screen also runs as CPUS_LOGON, so there the tile starts the
// kiosk as a new session next to the locked one (a clean switch user). Windows falls back to
// CPUS_UNLOCK_WORKSTATION exactly when switching users is restricted (CREDENTIAL_PROVIDER_USAGE_SCENARIO
// remarks): the tile could then only fail to unlock someone else's session, so it is not offered. Refusing
// change password and CredUI keeps it out of every dialog that asks for the user's own password.
// The kill switch also answers E_NOTIMPL: LogonUI then drops the provider before asking for fields or
// tiles, so nothing of ours is drawn or read (returning 0 credentials would keep it loaded and asked).
HRESULT Provider::SetUsageScenario(CREDENTIAL_PROVIDER_USAGE_SCENARIO scenario, DWORD) noexcept {
  offered_ = false;
  credential_.reset();
  if (scenario != CPUS_LOGON) return E_NOTIMPL;
  if (GetSystemMetrics(SM_REMOTESESSION)) return E_NOTIMPL;  // the kiosk account may sign in at the console only
  if (tileDisabled()) return E_NOTIMPL;
  TileSettings settings;
  readTileSettings(settings);
  // Once each time LogonUI sets up the provider (that is, each time the logon screen is built): a DLL that a
  // non-administrator could have replaced shows only its status text and never signs in.
  const Refusal folder = checkOwnFolder();
  Credential* credential = nullptr;
  const HRESULT hr = Credential::create(settings, folder, &credential);
  if (FAILED(hr)) return hr;
  credential_.attach(credential);
  offered_ = true;
  return S_OK;
}

// A serialization handed in (e.g. by Remote Desktop) is never ours to reuse.
HRESULT Provider::SetSerialization(const CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION*) noexcept { return E_NOTIMPL; }

// The tile never changes its set of credentials, so it has no use for the events callback.
HRESULT Provider::Advise(ICredentialProviderEvents*, UINT_PTR) noexcept { return S_OK; }
HRESULT Provider::UnAdvise() noexcept { return S_OK; }

HRESULT Provider::GetFieldDescriptorCount(DWORD* count) noexcept {
  if (!count) return E_POINTER;
  *count = offered_ ? DWORD{kFieldCount} : 0;
  return S_OK;
}

HRESULT Provider::GetFieldDescriptorAt(DWORD index, CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR** descriptor) noexcept {
  if (!offered_) {
    if (descriptor) *descriptor = nullptr;
    return E_UNEXPECTED;
  }
  return copyFieldDescriptor(index, descriptor);
}

HRESULT Provider::GetCredentialCount(DWORD* count, DWORD* defaultIndex, BOOL* autoLogonWithDefault) noexcept {
  if (!count || !defaultIndex || !autoLogonWithDefault) return E_POINTER;
  *count = offered_ ? 1 : 0;
  // Never the default and never signed in by LogonUI on its own: only a person choosing the tile does.
  *defaultIndex = CREDENTIAL_PROVIDER_NO_DEFAULT;
  *autoLogonWithDefault = FALSE;
  return S_OK;
}

HRESULT Provider::GetCredentialAt(DWORD index, ICredentialProviderCredential** credential) noexcept {
  if (!credential) return E_POINTER;
  *credential = nullptr;
  if (!offered_ || index != 0 || !credential_.get()) return E_INVALIDARG;
  return credential_.get()->QueryInterface(IID_ICredentialProviderCredential, reinterpret_cast<void**>(credential));
}

}  // namespace tile
