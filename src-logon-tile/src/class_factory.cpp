// The DLL's exports: DllGetClassObject hands out the class factory for our CLSID only; DllCanUnloadNow says
// S_OK once no object of ours lives and no LockServer lock is held.
#include <windows.h>
#include <objbase.h>

#include "com_object.h"
#include "guids.h"
#include "provider.h"

namespace tile {
namespace {

class ClassFactory final : public ComObject<ClassFactory, IClassFactory, IID_IClassFactory> {
 public:
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
  friend ComObject;
  ~ClassFactory() = default;
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
