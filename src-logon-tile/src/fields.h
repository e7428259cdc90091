// The tile's three fields: the app icon, the large text and the small text (subtitle, or the status text
// when the tile cannot sign in). No edit field, no submit button: choosing the tile is the whole action.
#pragma once

#include "credential_provider_api.h"

namespace tile {

enum FieldId : DWORD { kFieldImage = 0, kFieldTitle = 1, kFieldSubtitle = 2, kFieldCount = 3 };

// GetFieldDescriptorAt: a CoTaskMem copy of descriptor `index` (label included); the caller frees both.
HRESULT copyFieldDescriptor(DWORD index, CREDENTIAL_PROVIDER_FIELD_DESCRIPTOR** out) noexcept;

// GetFieldState: every field shows on the selected and the deselected tile, none is interactive.
HRESULT fieldState(DWORD id, CREDENTIAL_PROVIDER_FIELD_STATE* state, CREDENTIAL_PROVIDER_FIELD_INTERACTIVE_STATE* interactive) noexcept;

// GetBitmapValue: a new HBITMAP of the app icon (resource IDB_TILE); LogonUI owns and deletes it.
HRESULT loadTileBitmap(HBITMAP* out) noexcept;

}  // namespace tile
