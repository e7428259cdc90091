#include "credential.h"

#include "fields.h"
#include "texts.h"

namespace tile {

Credential::Credential(const TileSettings& settings) noexcept : settings_(settings), usable_(settings.ready) {}

HRESULT Credential::create(const TileSettings& settings, Credential** out) noexcept {
  if (!out) return E_POINTER;
  *out = new (HeapObject::NoThrow{}) Credential(settings);
  return *out ? S_OK : E_OUTOFMEMORY;
}

HRESULT Credential::Advise(ICredentialProviderCredentialEvents* events) noexcept {
  events_.copyFrom(events);
  return S_OK;
}

HRESULT Credential::UnAdvise() noexcept {
  events_.reset();
  return S_OK;
}

HRESULT Credential::SetSelected(BOOL* autoLogon) noexcept {
  if (!autoLogon) return E_POINTER;
  // Signing in is the tile's only action. Windows 10 itself adds a "Sign in" speed bump where it judges an
  // automatic logon inappropriate (SetSelected docs), e.g. right after that account signed out.
  *autoLogon = usable_ ? TRUE : FALSE;
  return S_OK;
}

HRESULT Credential::SetDeselected() noexcept { return S_OK; }

HRESULT Credential::GetFieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept {
  return fieldState(id, state, interactive);
}

const wchar_t* Credential::subtitle() const noexcept { return usable_ ? settings_.subtitle.text : kNotSetUpStatus; }

HRESULT Credential::GetStringValue(DWORD id, LPWSTR* value) noexcept {
  if (!value) return E_POINTER;
  *value = nullptr;
  if (id == kFieldTitle) return coTaskStrDup(settings_.title.text, value);
  if (id == kFieldSubtitle) return coTaskStrDup(subtitle(), value);
  return E_INVALIDARG;
}

HRESULT Credential::GetBitmapValue(DWORD id, HBITMAP* bitmap) noexcept {
  if (!bitmap) return E_POINTER;
  *bitmap = nullptr;
  return id == kFieldImage ? loadTileBitmap(bitmap) : E_INVALIDARG;
}

// The tile has no check box, combo box, submit button, edit field or command link.
HRESULT Credential::GetCheckboxValue(DWORD, BOOL*, LPWSTR*) noexcept { return E_NOTIMPL; }
HRESULT Credential::GetSubmitButtonValue(DWORD, DWORD*) noexcept { return E_NOTIMPL; }
HRESULT Credential::GetComboBoxValueCount(DWORD, DWORD*, DWORD*) noexcept { return E_NOTIMPL; }
HRESULT Credential::GetComboBoxValueAt(DWORD, DWORD, LPWSTR*) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetStringValue(DWORD, LPCWSTR) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetCheckboxValue(DWORD, BOOL) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetComboBoxSelectedValue(DWORD, DWORD) noexcept { return E_NOTIMPL; }
HRESULT Credential::CommandLinkClicked(DWORD) noexcept { return E_NOTIMPL; }

}  // namespace tile
