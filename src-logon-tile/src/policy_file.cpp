#include "policy_file.h"

#include <cstring>
#include <cwchar>

namespace tile {
namespace {

class Reader {
 public:
  Reader(const BYTE* data, size_t size) noexcept : data_(data), size_(size) {}
  bool done() const noexcept { return at_ == size_; }
  bool dword(DWORD& value) noexcept {
    if (size_ - at_ < 4) return false;
    std::memcpy(&value, data_ + at_, 4);  // little-endian, as every Windows CPU
    at_ += 4;
    return true;
  }
  bool character(wchar_t expected) noexcept {
    wchar_t c = 0;
    if (size_ - at_ < 2) return false;
    std::memcpy(&c, data_ + at_, 2);
    if (c != expected) return false;
    at_ += 2;
    return true;
  }
  // A NUL-terminated UTF-16 string: its start and length in characters (not copied).
  bool string(const BYTE*& start, size_t& chars) noexcept {
    start = data_ + at_;
    for (chars = 0; size_ - at_ >= 2; ++chars) {
      wchar_t c = 0;
      std::memcpy(&c, data_ + at_, 2);
      at_ += 2;
      if (c == L'\0') return true;
    }
    return false;
  }
  bool skip(size_t bytes, const BYTE*& start) noexcept {
    if (size_ - at_ < bytes) return false;
    start = data_ + at_;
    at_ += bytes;
    return true;
  }

 private:
  const BYTE* data_;
  size_t size_;
  size_t at_ = 0;
};

bool sameName(const BYTE* start, size_t chars, const wchar_t* name) noexcept {
  wchar_t buffer[260];
  if (chars != std::wcslen(name) || chars >= 260) return false;
  std::memcpy(buffer, start, chars * sizeof(wchar_t));  // the image need not be 2-byte aligned
  return CompareStringOrdinal(buffer, static_cast<int>(chars), name, static_cast<int>(chars), TRUE) == CSTR_EQUAL;
}

}  // namespace

bool findPolicyString(const BYTE* data, size_t size, const wchar_t* key, const wchar_t* name, BoundedText<300>& out) noexcept {
  if (!data || !key || !name) return false;
  Reader r(data, size);
  DWORD signature = 0, version = 0;
  if (!r.dword(signature) || !r.dword(version) || signature != 0x67655250 || version != 1) return false;
  bool found = false;
  BoundedText<300> value;
  while (!r.done()) {
    const BYTE *keyStart = nullptr, *nameStart = nullptr, *payload = nullptr;
    size_t keyChars = 0, nameChars = 0;
    DWORD type = 0, bytes = 0;
    if (!r.character(L'[') || !r.string(keyStart, keyChars) || !r.character(L';') || !r.string(nameStart, nameChars) ||
        !r.character(L';') || !r.dword(type) || !r.character(L';') || !r.dword(bytes) || !r.character(L';') ||
        !r.skip(bytes, payload) || !r.character(L']'))
      return false;
    if (!sameName(keyStart, keyChars, key) || !sameName(nameStart, nameChars, name)) continue;
    found = false;  // a later record replaces an earlier one, whatever it holds
    if ((type != REG_SZ && type != REG_EXPAND_SZ) || bytes % 2 || bytes < 2) continue;
    wchar_t text[301];
    const size_t chars = bytes / 2 - 1;  // without the NUL
    if (chars > 300) continue;
    std::memcpy(text, payload, chars * sizeof(wchar_t));
    found = value.assign(text, wcsnlen(text, chars)) && value.length == chars;
  }
  if (found) out = value;
  return found;
}

}  // namespace tile
