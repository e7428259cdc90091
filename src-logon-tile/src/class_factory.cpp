// The DLL's exports: DllGetClassObject hands out the class factory for our CLSID only; DllCanUnloadNow says
// S_OK once no object of ours lives and no LockServer lock is held.
#include <windows.h>
#include <objbase.h>

#include "guids.h"
#include "module.h"
#include "provider.h"

namespace tile {
namespace {

class ClassFactory final : public IClassFactory, public HeapObject {
 public:
  HRESULT STDMETHODCALLTYPE QueryInterface(REFIID riid, void** ppv) noexcept override {
    if (!ppv) return E_POINTER;
    if (IsEqualIID(riid, IID_IUnknown) || IsEqualIID(riid, IID_IClassFactory)) {
      *ppv = static_cast<IClassFactory*>(this);
      AddRef();
      return S_OK;
    }
    *ppv = nullptr;
    return E_NOINTERFACE;
  }
  ULONG STDMETHODCALLTYPE AddRef() noexcept override { return static_cast<ULONG>(InterlockedIncrement(&refs_)); }
  ULONG STDMETHODCALLTYPE Release() noexcept override {
    const LONG left = InterlockedDecrement(&refs_);
    if (left == 0) delete this;
    return static_cast<ULONG>(left);
  }
  HRESULT STDMETHODCALLTYPE CreateInstance(IUnknown* outer, REFIID riid, void** ppv) noexcept override {
    if (!ppv) return E_POINTER;
    *ppv = nullptr;
    return outer ? CLASS_E_NOAGGREGATION : Provider::create(riid, ppv);
  }
  HRESULT STDMETHODCALLTYPE LockServer(BOOL lock) noexcept override {
    lockServer(lock != FALSE);
    return S_OK;
  }

 private:
  ~ClassFactory() = default;
  ModuleReference module_;
  LONG refs_ = 1;
};

}  // namespace
}  // namespace tile

extern "C" BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID) {
  if (reason == DLL_PROCESS_ATTACH) {
    tile::setModuleInstance(instance);
    DisableThreadLibraryCalls(instance);
  }
  return TRUE;
}

STDAPI DllGetClassObject(REFCLSID clsid, REFIID riid, LPVOID* ppv) {
  if (!ppv) return E_POINTER;
  *ppv = nullptr;
  if (!IsEqualCLSID(clsid, tile::kClsidProvider)) return CLASS_E_CLASSNOTAVAILABLE;
  auto* factory = new (tile::HeapObject::NoThrow{}) tile::ClassFactory();
  if (!factory) return E_OUTOFMEMORY;
  const HRESULT hr = factory->QueryInterface(riid, ppv);
  factory->Release();
  return hr;
}

STDAPI DllCanUnloadNow() { return tile::canUnload() ? S_OK : S_FALSE; }
