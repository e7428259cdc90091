#include "fields.h"

#include "diagnostics.h"
#include "module.h"
#include "raii.h"
#include "resource.h"
#include "texts.h"

namespace tile {
namespace {

struct FieldSpec {
  CREDENTIAL_PROVIDER_FIELD_TYPE type;
  const wchar_t* label;
};

// Indexed by FieldId. guidFieldType stays GUID_NULL: the CPFG_* types are for V2 sign-in options and
// wrapped in-box providers, neither of which this tile is.
constexpr FieldSpec kFields[kFieldCount] = {
    {CPFT_TILE_IMAGE, kLabelImage},
    {CPFT_LARGE_TEXT, kLabelTitle},
    {CPFT_SMALL_TEXT, kLabelSubtitle},
    {CPFT_SUBMIT_BUTTON, kLabelSubmit},
};

}  // namespace

HRESULT copyFieldDescriptor(DWORD index, CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR** out) noexcept {
  if (!out) return E_POINTER;
  *out = nullptr;
  if (index >= kFieldCount) return E_INVALIDARG;
  CoTaskMem<CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR> descriptor(
      static_cast<CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR*>(CoTaskMemAlloc(sizeof(CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR))));
  if (!descriptor.get()) return E_OUTOFMEMORY;
  *descriptor.get() = {index, kFields[index].type, nullptr, GUID_NULL};
  const HRESULT hr = coTaskStrDup(kFields[index].label, &descriptor.get()->pszLabel);
  if (FAILED(hr)) return hr;
  *out = descriptor.release();
  return S_OK;
}

HRESULT fieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept {
  if (!state || !interactive) return E_POINTER;
  if (id >= kFieldCount) return E_INVALIDARG;
  *state = id == kFieldSubmit ? CPFS_DISPLAY_IN_SELECTED_TILE : CPFS_DISPLAY_IN_BOTH;
  *interactive = CPFIS_NONE;
  return S_OK;
}

HRESULT submitButtonAdjacency(DWORD id, DWORD* adjacentTo) noexcept {
  if (!adjacentTo) return E_POINTER;
  if (id != kFieldSubmit) return E_INVALIDARG;
  *adjacentTo = kFieldSubtitle;
  return S_OK;
}

HRESULT loadTileBitmap(HBITMAP* out) noexcept {
  if (!out) return E_POINTER;
  // A device-dependent bitmap, as Microsoft's credential provider sample hands out (LoadBitmap).
  *out = static_cast<HBITMAP>(LoadImageW(moduleInstance(), MAKEINTRESOURCEW(IDB_TILE), IMAGE_BITMAP, 0, 0, LR_DEFAULTCOLOR));
  return *out ? S_OK : hrFromLastError();
}

}  // namespace tile
