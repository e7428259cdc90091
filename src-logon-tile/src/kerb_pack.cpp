#include "kerb_pack.h"

#include <ntsecapi.h>

#include <climits>
#include <cstring>

#include "raii.h"

namespace tile {
namespace {

#ifdef _WIN64
static_assert(sizeof(KERB_INTERACTIVE_UNLOCK_LOGON) == 64, "x64 layout: the strings start at offset 64");
#endif

bool fitsUnicodeString(std::wstring_view s) noexcept { return s.size() <= USHRT_MAX / sizeof(wchar_t); }

// Copies `text` to `cursor`, points `target` at it by offset from `base`, advances `cursor`.
void place(std::wstring_view text, BYTE* base, BYTE*& cursor, UNICODE_STRING& target) noexcept {
  const auto bytes = static_cast<USHORT>(text.size() * sizeof(wchar_t));
  if (bytes) std::memcpy(cursor, text.data(), bytes);
  target.Length = bytes;
  target.MaximumLength = bytes;
  target.Buffer = reinterpret_cast<PWSTR>(static_cast<ULONG_PTR>(cursor - base));
  cursor += bytes;
}

}  // namespace

HRESULT packInteractiveLogon(const InteractiveLogon& logon, BYTE** out, DWORD* size) noexcept {
  if (!out || !size) return E_POINTER;
  *out = nullptr;
  *size = 0;
  if (!fitsUnicodeString(logon.domain) || !fitsUnicodeString(logon.user) || !fitsUnicodeString(logon.password))
    return E_INVALIDARG;
  // Three strings of at most 64 KB each: the sum cannot overflow a DWORD.
  const DWORD total = static_cast<DWORD>(sizeof(KERB_INTERACTIVE_UNLOCK_LOGON) +
                                         (logon.domain.size() + logon.user.size() + logon.password.size()) * sizeof(wchar_t));
  CoTaskMem<BYTE> block(static_cast<BYTE*>(CoTaskMemAlloc(total)));
  if (!block.get()) return E_OUTOFMEMORY;
  std::memset(block.get(), 0, total);  // LogonId and padding zero, as the sample's ZeroMemory

  auto* header = reinterpret_cast<KERB_INTERACTIVE_UNLOCK_LOGON*>(block.get());
  header->Logon.MessageType = KerbInteractiveLogon;
  BYTE* cursor = block.get() + sizeof(KERB_INTERACTIVE_UNLOCK_LOGON);
  place(logon.domain, block.get(), cursor, header->Logon.LogonDomainName);
  place(logon.user, block.get(), cursor, header->Logon.UserName);
  place(logon.password, block.get(), cursor, header->Logon.Password);

  *size = total;
  *out = block.release();
  return S_OK;
}

}  // namespace tile
