#include "diagnostics.h"

namespace tile {

void trace(const wchar_t* step, HRESULT hr) noexcept {
  // Formatted by hand: printf-style formatting would link a whole printf implementation into the DLL.
  wchar_t line[128];
  size_t n = 0;
  auto put = [&](const wchar_t* text) {
    while (*text && n + 1 < sizeof line / sizeof line[0]) line[n++] = *text++;
  };
  put(L"WachtwoordVergetenTile: ");
  put(step ? step : L"?");
  put(L": 0x");
  const auto value = static_cast<unsigned long>(hr);
  for (int shift = 28; shift >= 0; shift -= 4) {
    const wchar_t digit[2] = {L"0123456789ABCDEF"[(value >> shift) & 0xF], L'\0'};
    put(digit);
  }
  put(L"\n");
  line[n] = L'\0';
  OutputDebugStringW(line);
}

}  // namespace tile
