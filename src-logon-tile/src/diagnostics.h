// Error codes and a trace line for the admin. LogonUI shows only our status text, so the reason a tile
// failed goes to OutputDebugString (visible with Sysinternals DebugView as SYSTEM, or Wine's +debugstr):
// the step and its HRESULT, never a name or a secret.
#pragma once

#include <windows.h>

namespace tile {

// NT_SUCCESS (ntdef.h; not reachable from <windows.h> in mingw-w64 10).
inline bool ntSuccess(LONG status) noexcept { return status >= 0; }

// HRESULT_FROM_NT (winerror.h; missing from mingw-w64 10): an NTSTATUS with FACILITY_NT_BIT set.
inline HRESULT hrFromNtStatus(LONG status) noexcept { return static_cast<HRESULT>(status | 0x10000000L); }

// GetLastError as an HRESULT that is never a success (a failed call that set no error is E_FAIL).
inline HRESULT hrFromLastError() noexcept {
  const DWORD error = GetLastError();
  return error ? HRESULT_FROM_WIN32(error) : E_FAIL;
}

void trace(const wchar_t* step, HRESULT hr) noexcept;

}  // namespace tile
