// This provider's class id: registered by install.ps1 under Credential Providers and CLSID
// (WINDOWS-CONTRACT: {6D75EE9F-8460-466C-8E35-C5706647502F}). Change it only together with the scripts.
#pragma once

#include <windows.h>

namespace tile {

inline constexpr CLSID kClsidProvider = {0x6d75ee9f, 0x8460, 0x466c, {0x8e, 0x35, 0xc5, 0x70, 0x66, 0x47, 0x50, 0x2f}};

}  // namespace tile
