#include "guard.h"

#include "diagnostics.h"
#include "folder_check.h"
#include "lockdown.h"
#include "module.h"
#include "system_port.h"

namespace tile {
namespace {

Refusal refuse(Refusal refusal, HRESULT hr) noexcept {
  trace(refusalName(refusal), hr);
  return refusal;
}

}  // namespace

Refusal checkOwnFolder() noexcept {
  wchar_t path[MAX_PATH + 1];
  const DWORD chars = GetModuleFileNameW(moduleInstance(), path, MAX_PATH + 1);
  if (chars == 0 || chars > MAX_PATH) return refuse(Refusal::kUnsafeFolder, hrFromLastError());
  bool root = false;
  wchar_t parent[MAX_PATH + 1];
  // The DLL itself first, then each folder above it; at most MAX_PATH levels (each step shortens the path).
  for (int level = 0; level <= MAX_PATH; ++level) {
    PathSecurity security;
    const HRESULT hr = readPathSecurity(path, security);
    if (FAILED(hr)) return refuse(Refusal::kUnsafeFolder, hr);
    if (foreignMayChange(security, root)) return refuse(Refusal::kUnsafeFolder, E_ACCESSDENIED);
    if (root) return Refusal::kNone;
    // Not "X:\\..." (a UNC or device path): not walked, so not trusted.
    if (!parentFolder(path, parent, MAX_PATH + 1, &root)) return refuse(Refusal::kUnsafeFolder, E_INVALIDARG);
    for (size_t i = 0; i <= MAX_PATH; ++i) {
      path[i] = parent[i];
      if (!parent[i]) break;
    }
  }
  return refuse(Refusal::kUnsafeFolder, E_UNEXPECTED);
}

Refusal proveLockdown(const TileSettings& settings) noexcept {
  LockdownFacts facts;
  const HRESULT hr = readLockdownFacts(settings, facts);
  if (FAILED(hr)) return refuse(Refusal::kNotSetUp, hr);
  const Refusal refusal = checkLockdown(settings, facts);
  return refusal == Refusal::kNone ? refusal : refuse(refusal, E_ACCESSDENIED);
}

Refusal prepareAccount(const TileSettings& settings) noexcept {
  DWORD flags = 0;
  HRESULT hr = readAccountFlags(settings.account.text, &flags);
  if (FAILED(hr)) return refuse(Refusal::kNotSetUp, hr);
  Refusal refusal = checkAccountFlags(flags);
  if (refusal != Refusal::kLocked) return refusal == Refusal::kNone ? refusal : refuse(refusal, E_ACCESSDENIED);
  hr = clearAccountLockout(settings.account.text);
  if (FAILED(hr)) return refuse(Refusal::kLocked, hr);
  trace(L"lock-out of the kiosk account cleared", S_OK);
  hr = readAccountFlags(settings.account.text, &flags);
  if (FAILED(hr)) return refuse(Refusal::kNotSetUp, hr);
  refusal = checkAccountFlags(flags);
  return refusal == Refusal::kNone ? refusal : refuse(refusal, E_ACCESSDENIED);
}

}  // namespace tile
