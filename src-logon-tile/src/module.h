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

// Every COM object of this DLL holds one count for its lifetime, so the DLL stays loaded while any lives.
class ModuleReference {
 public:
  ModuleReference() noexcept { objectCreated(); }
  ~ModuleReference() { objectDestroyed(); }
  ModuleReference(const ModuleReference&) = delete;
  ModuleReference& operator=(const ModuleReference&) = delete;
};

}  // namespace tile
