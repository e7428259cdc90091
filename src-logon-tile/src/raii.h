// Owners for the handles and buffers the tile touches, so every path (including an early return) releases
// them: registry keys, CoTaskMem blocks handed across COM, and COM references.
#pragma once

#include <windows.h>
#include <objbase.h>

#include <utility>

namespace tile {

class RegKey {
 public:
  RegKey() noexcept = default;
  ~RegKey() { reset(); }
  RegKey(const RegKey&) = delete;
  RegKey& operator=(const RegKey&) = delete;
  HKEY get() const noexcept { return key_; }
  HKEY* put() noexcept { reset(); return &key_; }
  void reset() noexcept {
    if (key_) RegCloseKey(key_);
    key_ = nullptr;
  }

 private:
  HKEY key_ = nullptr;
};

// A block from CoTaskMemAlloc, freed unless released to the caller (COM's out-parameter allocator).
template <class T>
class CoTaskMem {
 public:
  explicit CoTaskMem(T* p = nullptr) noexcept : p_(p) {}
  ~CoTaskMem() { CoTaskMemFree(p_); }
  CoTaskMem(const CoTaskMem&) = delete;
  CoTaskMem& operator=(const CoTaskMem&) = delete;
  T* get() const noexcept { return p_; }
  T* release() noexcept { return std::exchange(p_, nullptr); }

 private:
  T* p_;
};

template <class T>
class ComPtr {
 public:
  ComPtr() noexcept = default;
  ~ComPtr() { reset(); }
  ComPtr(const ComPtr&) = delete;
  ComPtr& operator=(const ComPtr&) = delete;
  void attach(T* p) noexcept { reset(); p_ = p; }
  void copyFrom(T* p) noexcept {
    if (p) p->AddRef();
    attach(p);
  }
  void reset() noexcept {
    if (p_) std::exchange(p_, nullptr)->Release();
  }
  T* get() const noexcept { return p_; }

 private:
  T* p_ = nullptr;
};

// A CoTaskMem copy of a NUL-terminated string: what LogonUI frees after GetStringValue, labels, status texts.
HRESULT coTaskStrDup(const wchar_t* text, LPWSTR* out) noexcept;

}  // namespace tile
