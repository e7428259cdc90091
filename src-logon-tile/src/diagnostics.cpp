#include "diagnostics.h"

#include <cwchar>

namespace tile {

void trace(const wchar_t* step, HRESULT hr) noexcept {
  wchar_t line[160];
  if (std::swprintf(line, sizeof line / sizeof line[0], L"WachtwoordVergetenTile: %ls: 0x%08lX\n", step,
                    static_cast<unsigned long>(hr)) > 0)
    OutputDebugStringW(line);
}

}  // namespace tile
