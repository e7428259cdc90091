// The credential provider LogonUI creates through our class factory. It offers one tile, only for
// CPUS_LOGON at the console; every other scenario, a remote session and the kill switch get E_NOTIMPL.
#pragma once

#include "com_object.h"
#include "credential.h"
#include "credential_provider_api.h"
#include "raii.h"

namespace tile {

class Provider final : public ComObject<Provider, ICredentialProvider, IID_ICredentialProvider> {
 public:
  static HRESULT create(REFIID riid, void** ppv) noexcept;

  HRESULT STDMETHODCALLTYPE SetUsageScenario(CREDENTIAL_PROVIDER_USAGE_SCENARIO scenario, DWORD flags) noexcept override;
  HRESULT STDMETHODCALLTYPE SetSerialization(const CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION* serialization) noexcept override;
  HRESULT STDMETHODCALLTYPE Advise(ICredentialProviderEvents* events, UINT_PTR context) noexcept override;
  HRESULT STDMETHODCALLTYPE UnAdvise() noexcept override;
  HRESULT STDMETHODCALLTYPE GetFieldDescriptorCount(DWORD* count) noexcept override;
  HRESULT STDMETHODCALLTYPE GetFieldDescriptorAt(DWORD index, CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR** descriptor) noexcept override;
  HRESULT STDMETHODCALLTYPE GetCredentialCount(DWORD* count, DWORD* defaultIndex, BOOL* autoLogonWithDefault) noexcept override;
  HRESULT STDMETHODCALLTYPE GetCredentialAt(DWORD index, ICredentialProviderCredential** credential) noexcept override;

 private:
  friend ComObject;
  Provider() noexcept = default;
  ~Provider() = default;

  bool offered_ = false;  // SetUsageScenario accepted CPUS_LOGON
  ComPtr<Credential> credential_;
};

}  // namespace tile
