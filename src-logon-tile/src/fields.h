// The tile's four fields: the app icon, the large text, the small text (subtitle, or the status text when the
// tile cannot sign in) and the submit button next to the small text. Selecting the tile only shows it: signing
// in takes a deliberate press of that button (or Enter on it), never the selection itself.
#pragma once

#include "credential_provider_api.h"

namespace tile {

enum FieldId : DWORD { kFieldImage = 0, kFieldTitle = 1, kFieldSubtitle = 2, kFieldSubmit = 3, kFieldCount = 4 };

// GetFieldDescriptorAt: a CoTaskMem copy of descriptor `index` (label included); the caller frees both.
HRESULT copyFieldDescriptor(DWORD index, CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR** out) noexcept;

// GetFieldState: image and texts show on the selected and the deselected tile, the submit button on the
// selected tile only; none is interactive.
HRESULT fieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept;

// GetSubmitButtonValue: the submit button (kFieldSubmit) sits next to the small text.
HRESULT submitButtonAdjacency(DWORD id, DWORD* adjacentTo) noexcept;

// GetBitmapValue: a new HBITMAP of the app icon (resource IDB_TILE); LogonUI owns and deletes it.
HRESULT loadTileBitmap(HBITMAP* out) noexcept;

}  // namespace tile
