// The one "Wachtwoord vergeten" tile. Selecting it (by LogonUI, touch, keyboard or mouse) only shows it: the
// sign-in starts when the person presses its submit button. Before it serializes it proves the lock-down and
// readies the kiosk account (guard.h); on any refusal it shows that refusal's status text and serializes nothing.
#pragma once

#include "com_object.h"
#include "credential_provider_api.h"
#include "raii.h"
#include "settings.h"
#include "status.h"

namespace tile {

class Credential final : public ComObject<Credential, ICredentialProviderCredential, IID_ICredentialProviderCredential> {
 public:
  // `refusal`: what the provider already found (the DLL folder check), or kNone.
  static HRESULT create(const TileSettings& settings, Refusal refusal, Credential** out) noexcept;

  // ICredentialProviderCredential (credential.cpp)
  HRESULT STDMETHODCALLTYPE Advise(ICredentialProviderCredentialEvents* events) noexcept override;
  HRESULT STDMETHODCALLTYPE UnAdvise() noexcept override;
  HRESULT STDMETHODCALLTYPE SetSelected(BOOL* autoLogon) noexcept override;
  HRESULT STDMETHODCALLTYPE SetDeselected() noexcept override;
  HRESULT STDMETHODCALLTYPE GetFieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept override;
  HRESULT STDMETHODCALLTYPE GetStringValue(DWORD id, LPWSTR* value) noexcept override;
  HRESULT STDMETHODCALLTYPE GetBitmapValue(DWORD id, HBITMAP* bitmap) noexcept override;
  HRESULT STDMETHODCALLTYPE GetCheckboxValue(DWORD id, BOOL* checked, LPWSTR* label) noexcept override;
  HRESULT STDMETHODCALLTYPE GetSubmitButtonValue(DWORD id, DWORD* adjacentTo) noexcept override;
  HRESULT STDMETHODCALLTYPE GetComboBoxValueCount(DWORD id, DWORD* items, DWORD* selected) noexcept override;
  HRESULT STDMETHODCALLTYPE GetComboBoxValueAt(DWORD id, DWORD item, LPWSTR* value) noexcept override;
  HRESULT STDMETHODCALLTYPE SetStringValue(DWORD id, LPCWSTR value) noexcept override;
  HRESULT STDMETHODCALLTYPE SetCheckboxValue(DWORD id, BOOL checked) noexcept override;
  HRESULT STDMETHODCALLTYPE SetComboBoxSelectedValue(DWORD id, DWORD selected) noexcept override;
  HRESULT STDMETHODCALLTYPE CommandLinkClicked(DWORD id) noexcept override;

  // ICredentialProviderCredential (credential_serialize.cpp)
  HRESULT STDMETHODCALLTYPE GetSerialization(CREDENTIAL_PROVIDER_GET_SERIALIZATION_RESPONSE* response,
                                             CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION* serialization, LPWSTR* statusText,
                                             CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) noexcept override;
  HRESULT STDMETHODCALLTYPE ReportResult(LONG status, LONG substatus, LPWSTR* statusText, CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) noexcept override;

 private:
  friend ComObject;
  Credential(const TileSettings& settings, Refusal refusal) noexcept;
  ~Credential() = default;

  const wchar_t* subtitle() const noexcept;
  HRESULT serialize(CREDENTIAL_PROVIDER_CREDENTIAL_SERIALIZATION& out) const noexcept;
  // From now on: this refusal's status text in the small-text field, nothing serialized.
  void markUnusable(Refusal refusal) noexcept;
  void reportStatus(LPWSTR* statusText, CREDENTIAL_PROVIDER_STATUS_ICON* statusIcon) const noexcept;

  TileSettings settings_;
  Refusal refusal_;
  ComPtr<ICredentialProviderCredentialEvents> events_;
};

}  // namespace tile
