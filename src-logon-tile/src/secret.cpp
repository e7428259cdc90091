#include "secret.h"

#include <cstring>

namespace tile {

HRESULT SecretString::allocate(size_t chars) noexcept {
  wipe();
  if (chars > 4096) return E_INVALIDARG;  // no password comes near this; bounds every size computation
  buffer_ = static_cast<wchar_t*>(HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (chars + 1) * sizeof(wchar_t)));
  if (!buffer_) return E_OUTOFMEMORY;
  capacity_ = chars;
  return S_OK;
}

HRESULT SecretString::assign(const wchar_t* text, size_t chars) noexcept {
  if (!text && chars) return E_INVALIDARG;
  const HRESULT hr = allocate(chars);
  if (FAILED(hr)) return hr;
  if (chars) std::memcpy(buffer_, text, chars * sizeof(wchar_t));
  length_ = chars;
  return S_OK;
}

void SecretString::setLengthFromTerminator() noexcept {
  length_ = 0;
  while (buffer_ && length_ < capacity_ && buffer_[length_] != L'\0') ++length_;
}

void SecretString::wipe() noexcept {
  if (buffer_) {
    SecureZeroMemory(buffer_, (capacity_ + 1) * sizeof(wchar_t));
    HeapFree(GetProcessHeap(), 0, buffer_);
  }
  buffer_ = nullptr;
  capacity_ = 0;
  length_ = 0;
}

}  // namespace tile
