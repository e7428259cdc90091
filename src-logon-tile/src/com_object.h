// IUnknown for this DLL's COM classes, each exposing one interface: reference counting, QueryInterface for
// IUnknown and that interface, a module count for DllCanUnloadNow, and process-heap allocation.
#pragma once

#include <windows.h>
#include <unknwn.h>

#include "module.h"

namespace tile {

template <class Derived, class Interface, const IID& InterfaceId>
class ComObject : public Interface, public HeapObject {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppv) noexcept override {
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, InterfaceId)) {
      *ppv = static_cast<Interface*>(this);
      AddRef();
      return S_OK;
    }
    *ppv = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() noexcept override { return static_cast<ULONG>(InterlockedIncrement(&refs_)); }
  ULONG STDMETHODCALLTYPE Release() noexcept override {
    const LONG left = InterlockedDecrement(&refs_);
    if (left == 0) delete static_cast<Derived*>(this);
    return static_cast<ULONG>(left);
  }

 protected:
  ComObject() noexcept = default;
  ~ComObject() = default;

 private:
  ModuleReference module_;
  LONG refs_ = 1;  // the creator's reference
};

}  // namespace tile
