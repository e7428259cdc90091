// Every COM entry point runs its body through comGuard: no C++ exception may leave the DLL, because one that
// reached LogonUI would take the logon screen down. Out of memory becomes E_OUTOFMEMORY, anything else
// E_UNEXPECTED.
#pragma once

#include <windows.h>

#include <new>

namespace tile {

template <class Body>
HRESULT comGuard(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return E_OUTOFMEMORY;
  } catch (...) {
    return E_UNEXPECTED;
  }
}

}  // namespace tile
