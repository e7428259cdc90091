// What the whole DLL shares: its instance handle (for the tile bitmap) and the two counts DllCanUnloadNow
// reads (live COM objects and IClassFactory::LockServer locks), as any in-process COM server keeps them.
#pragma once

#include <windows.h>

namespace tile {

HINSTANCE moduleInstance() noexcept;
void setModuleInstance(HINSTANCE instance) noexcept;

void objectCreated() noexcept;
void objectDestroyed() noexcept;
void lockServer(bool lock) noexcept;
bool canUnload() noexcept;

// COM objects come from the process heap through these class operators, never from the C++ runtime's
// operator new: an allocation failure is a null pointer, and no exception runtime is linked into the DLL.
struct HeapObject {
  struct NoThrow {};
  static void* operator new(size_t bytes, NoThrow) noexcept { return HeapAlloc(GetProcessHeap(), 0, bytes); }
  static void operator delete(void* p) noexcept {
    if (p) HeapFree(GetProcessHeap(), 0, p);
  }
  static void operator delete(void* p, NoThrow) noexcept { operator delete(p); }
};

// Every COM object of this DLL holds one count for its lifetime, so the DLL stays loaded while any lives.
class ModuleReference {
 public:
  ModuleReference() noexcept { objectCreated(); }
  ~ModuleReference() { objectDestroyed(); }
  ModuleReference(const ModuleReference&) = delete;
  ModuleReference& operator=(const ModuleReference&) = delete;
};

}  // namespace tile
