// TEST ONLY, linked into tile-fake-secret.dll, never into wachtwoord-vergeten-tile.dll: stands in for the
// three LSA calls of src-logon-tile/src/lsa_system.cpp, which Wine cannot run, so the test program can
// walk the success path of GetSerialization through the real packing and provider code.
#include <string>

#include "fake_values.h"
#include "raii.h"
#include "settings.h"
#include "system_port.h"

namespace tile {

HRESULT readKioskPassword(SecretString& password) noexcept {
  wchar_t override[300];
  DWORD bytes = sizeof override;
  const LONG status = RegGetValueW(HKEY_LOCAL_MACHINE, kProductKey, fake::kPasswordOverrideValue,
                                   RRF_RT_REG_SZ, nullptr, override, &bytes);
  if (status == ERROR_SUCCESS) return password.assign(override, bytes / sizeof(wchar_t) ? bytes / sizeof(wchar_t) - 1 : 0);
  return password.assign(fake::kPassword, std::char_traits<wchar_t>::length(fake::kPassword));
}

HRESULT lookupNegotiatePackage(ULONG* package) noexcept {
  if (!package) return E_POINTER;
  *package = fake::kNegotiatePackage;
  return S_OK;
}

HRESULT protectPassword(const SecretString& plain, SecretString& protectedText) noexcept {
  const size_t prefix = std::char_traits<wchar_t>::length(fake::kProtectedPrefix);
  HRESULT hr = protectedText.allocate(prefix + plain.size());
  if (FAILED(hr)) return hr;
  for (size_t i = 0; i < prefix; ++i) protectedText.data()[i] = fake::kProtectedPrefix[i];
  for (size_t i = 0; i < plain.size(); ++i) protectedText.data()[prefix + i] = plain.data()[i];
  protectedText.setLengthFromTerminator();
  return S_OK;
}

}  // namespace tile
