// What the tile reads from the product's admin-only key HKLM\SOFTWARE\Wachtwoord vergeten (written by
// install.ps1, WINDOWS-CONTRACT): the kill switch, the kiosk account, the texts and the Ready flag.
#pragma once

#include <string>

namespace tile {

inline constexpr wchar_t kProductKey[] = L"SOFTWARE\\Wachtwoord vergeten";

struct TileSettings {
  std::wstring title;     // TileTitle, or the Dutch default
  std::wstring subtitle;  // TileSubtitle, or the Dutch default
  std::wstring account;   // KioskAccount; empty when missing or not a valid local account name
  bool ready = false;     // Ready == 1 and a valid KioskAccount: only then may the tile sign in
};

// Disabled = 1 (GPO kill switch). Missing or 0 = not disabled. Any other value, or a value of the wrong
// type, counts as disabled: an admin who meant to switch the tile off gets it switched off.
bool tileDisabled() noexcept;

// Never fails: what is missing or malformed falls back to the default text or to "not ready".
// May throw std::bad_alloc (callers are COM entry points, which catch everything).
TileSettings readTileSettings();

// A local SAM account name as Windows accepts it: 1–20 characters, none of "/\[]:;|=,+*?<>@ or controls,
// not only dots and spaces (Microsoft: "User name" rules for local accounts).
bool isValidSamAccountName(const std::wstring& name) noexcept;

}  // namespace tile
