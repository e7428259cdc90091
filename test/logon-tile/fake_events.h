// LogonUI's side of ICredentialProviderCredentialEvents, as the test program needs it: records the last
// SetFieldString and counts references (a stack object; the credential must release what it AddRef'ed).
#pragma once

#include <string>

#include "credential_provider_api.h"

namespace t {

class FakeCredentialEvents final : public ICredentialProviderCredentialEvents {
 public:
  LONG refs = 0;
  DWORD lastField = static_cast<DWORD>(-1);
  std::wstring lastText;
  int stringUpdates = 0;

  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppv) override {
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, IID_ICredentialProviderCredentialEvents)) {
      *ppv = this;
      AddRef();
      return S_OK;
    }
    *ppv = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++refs); }
  ULONG STDMETHODCALLTYPE Release() override { return static_cast<ULONG>(--refs); }

  HRESULT STDMETHODCALLTYPE SetFieldString(ICredentialProviderCredential*, DWORD field, LPCWSTR text) override {
    lastField = field;
    lastText = text ? text : L"";
    ++stringUpdates;
    return S_OK;
  }
  HRESULT STDMETHODCALLTYPE SetFieldState(ICredentialProviderCredential*, DWORD, CREDENTIAL_PROVIDER_FIELD_STATE) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE SetFieldInteractiveState(ICredentialProviderCredential*, DWORD, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE SetFieldCheckbox(ICredentialProviderCredential*, DWORD, BOOL, LPCWSTR) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE SetFieldBitmap(ICredentialProviderCredential*, DWORD, HBITMAP) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE SetFieldComboBoxSelectedItem(ICredentialProviderCredential*, DWORD, DWORD) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE DeleteFieldComboBoxItem(ICredentialProviderCredential*, DWORD, DWORD) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE AppendFieldComboBoxItem(ICredentialProviderCredential*, DWORD, LPCWSTR) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE SetFieldSubmitButton(ICredentialProviderCredential*, DWORD, DWORD) override { return S_OK; }
  HRESULT STDMETHODCALLTYPE OnCreatingWindow(HWND* owner) override {
    *owner = nullptr;
    return S_OK;
  }
};

// ICredentialProviderEvents: the provider may keep it between Advise and UnAdvise.
class FakeProviderEvents final : public ICredentialProviderEvents {
 public:
  LONG refs = 0;
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppv) override {
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, IID_ICredentialProviderEvents)) {
      *ppv = this;
      AddRef();
      return S_OK;
    }
    *ppv = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() override { return static_cast<ULONG>(++refs); }
  ULONG STDMETHODCALLTYPE Release() override { return static_cast<ULONG>(--refs); }
  HRESULT STDMETHODCALLTYPE CredentialsChanged(UINT_PTR) override { return S_OK; }
};

}  // namespace t
