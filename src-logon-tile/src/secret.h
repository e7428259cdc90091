// A password-sized buffer that is wiped with SecureZeroMemory whenever it is emptied, replaced or destroyed
// (GetSerialization best practice: "always securely discard secrets", Microsoft credential provider docs).
// Not copyable, so a secret never gets a second, unwiped copy by accident.
#pragma once

#include <windows.h>

#include <cstddef>

namespace tile {

class SecretString {
 public:
  SecretString() noexcept = default;
  ~SecretString() { wipe(); }
  SecretString(const SecretString&) = delete;
  SecretString& operator=(const SecretString&) = delete;

  // Room for `chars` characters plus a NUL, zero-filled. Any previous content is wiped first.
  HRESULT allocate(size_t chars) noexcept;
  HRESULT assign(const wchar_t* text, size_t chars) noexcept;
  void wipe() noexcept;
  // After a call that wrote into data(): the length up to the first NUL (bounded by the capacity).
  void setLengthFromTerminator() noexcept;

  wchar_t* data() noexcept { return buffer_; }
  const wchar_t* data() const noexcept { return buffer_; }
  size_t size() const noexcept { return length_; }
  size_t capacity() const noexcept { return capacity_; }
  bool empty() const noexcept { return length_ == 0; }

 private:
  wchar_t* buffer_ = nullptr;
  size_t capacity_ = 0;  // characters, without the NUL
  size_t length_ = 0;
};

}  // namespace tile
