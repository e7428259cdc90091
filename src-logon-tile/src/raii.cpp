#include "raii.h"

#include <cstring>
#include <cwchar>

namespace tile {

HRESULT coTaskStrDup(const wchar_t* text, LPWSTR* out) noexcept {
  if (!out) return E_POINTER;
  *out = nullptr;
  if (!text) return E_INVALIDARG;
  const size_t bytes = (std::wcslen(text) + 1) * sizeof(wchar_t);
  auto* copy = static_cast<wchar_t*>(CoTaskMemAlloc(bytes));
  if (!copy) return E_OUTOFMEMORY;
  std::memcpy(copy, text, bytes);
  *out = copy;
  return S_OK;
}

}  // namespace tile
