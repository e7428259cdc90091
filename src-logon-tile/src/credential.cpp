#include "credential.h"

#include "fields.h"
#include "texts.h"

namespace tile {

Credential::Credential(const TileSettings& settings, Refusal refusal) noexcept
    : settings_(settings), refusal_(!settings.ready ? Refusal::kNotSetUp : refusal) {}

HRESULT Credential::create(const TileSettings& settings, Refusal refusal, Credential** out) noexcept {
  if (!out) return E_POINTER;
  *out = new (HeapObject::NoThrow{}) Credential(settings, refusal);
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
  // Never an automatic logon: LogonUI selects the tile by itself (it preselects the last provider used, e.g. after
  // a kiosk session or at boot), and so do touch scrolling and arrow keys. Windows' own "Sign in" speed bump
  // covers only some of these (SetSelected docs). Only the submit button starts a sign-in.
  *autoLogon = FALSE;
  return S_OK;
}

HRESULT Credential::SetDeselected() noexcept { return S_OK; }

HRESULT Credential::GetFieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept {
  return fieldState(id, state, interactive);
}

const wchar_t* Credential::subtitle() const noexcept { return refusal_ == Refusal::kNone ? settings_.subtitle.text : statusText(refusal_); }

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

HRESULT Credential::GetSubmitButtonValue(DWORD id, DWORD* adjacentTo) noexcept { return submitButtonAdjacency(id, adjacentTo); }

// The tile has no check box, combo box, edit field or command link.
HRESULT Credential::GetCheckboxValue(DWORD, BOOL*, LPWSTR*) noexcept { return E_NOTIMPL; }
HRESULT Credential::GetComboBoxValueCount(DWORD, DWORD*, DWORD*) noexcept { return E_NOTIMPL; }
HRESULT Credential::GetComboBoxValueAt(DWORD, DWORD, LPWSTR*) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetStringValue(DWORD, LPCWSTR) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetCheckboxValue(DWORD, BOOL) noexcept { return E_NOTIMPL; }
HRESULT Credential::SetComboBoxSelectedValue(DWORD, DWORD) noexcept { return E_NOTIMPL; }
HRESULT Credential::CommandLinkClicked(DWORD) noexcept { return E_NOTIMPL; }

}  // namespace tile
