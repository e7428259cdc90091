#include "module.h"

namespace tile {
namespace {
HINSTANCE g_instance = nullptr;
LONG g_objects = 0;
LONG g_locks = 0;
}  // namespace

HINSTANCE moduleInstance() noexcept { return g_instance; }
void setModuleInstance(HINSTANCE instance) noexcept { g_instance = instance; }

void objectCreated() noexcept { InterlockedIncrement(&g_objects); }
void objectDestroyed() noexcept { InterlockedDecrement(&g_objects); }
void lockServer(bool lock) noexcept {
  if (lock) InterlockedIncrement(&g_locks);
  else InterlockedDecrement(&g_locks);
}
bool canUnload() noexcept {
  return InterlockedCompareExchange(&g_objects, 0, 0) == 0 && InterlockedCompareExchange(&g_locks, 0, 0) == 0;
}

}  // namespace tile
