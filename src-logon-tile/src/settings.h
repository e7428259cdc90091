// What the tile reads from the product's admin-only key HKLM\SOFTWARE\Wachtwoord vergeten (written by
// install.ps1, WINDOWS-CONTRACT): the kill switch, the kiosk account, the texts and the Ready flag.
// Fixed-size buffers, no heap: nothing here can fail half-way or throw.
#pragma once

#include <windows.h>

#include <cstddef>

namespace tile {

inline constexpr wchar_t kProductKey[] = L"SOFTWARE\\Wachtwoord vergeten";

template <size_t MaxChars>
struct BoundedText {
  wchar_t text[MaxChars + 1] = {};
  size_t length = 0;
  static constexpr size_t kMax = MaxChars;
  // False (and unchanged) when `chars` does not fit.
  bool assign(const wchar_t* from, size_t chars) noexcept {
    if (chars > MaxChars) return false;
    for (size_t i = 0; i < chars; ++i) text[i] = from[i];
    text[chars] = L'\0';
    length = chars;
    return true;
  }
};

// How the kiosk account gets its shell (install.ps1 -ShellMode): Shell Launcher or the per-user Shell policy.
enum class ShellMode { kNone, kShellLauncher, kUserPolicy };

struct TileSettings {
  BoundedText<256> title;       // TileTitle, or the Dutch default
  BoundedText<256> subtitle;    // TileSubtitle, or the Dutch default
  BoundedText<20> account;      // KioskAccount; empty when missing or not a valid local account name
  BoundedText<184> sid;         // KioskSid: the kiosk account's SID (S-1-5-21-...), checked by isValidSid
  BoundedText<300> shell;       // KioskShell: the exact command its shell must be ("C:\...\WachtwoordVergeten.exe")
  ShellMode shellMode = ShellMode::kNone;  // ShellMode: "ShellLauncher" or "UserPolicy"
  bool appLocker = false;       // AppLocker = 1: install.ps1 set AppLocker rules, so AppIDSvc must run
  // Ready == 1 with a valid KioskAccount, KioskSid, KioskShell and ShellMode: only then may the tile sign in.
  bool ready = false;
};

// Disabled = 1 (GPO kill switch). Missing or 0 = not disabled. Any other value, or a value of the wrong
// type, counts as disabled: an admin who meant to switch the tile off gets it switched off.
bool tileDisabled() noexcept;

// Never fails: what is missing, too long or malformed falls back to the default text or to "not ready".
void readTileSettings(TileSettings& settings) noexcept;

// A local SAM account name as Windows accepts it: 1–20 characters, none of "/\[]:;|=,+*?<>@ or controls,
// not only dots and spaces (Microsoft: "User name" rules for local accounts).
bool isValidSamAccountName(const wchar_t* name, size_t chars) noexcept;

// A SID in string form as this tile uses it in a path and a registry key: "S-1-" then digits and dashes only.
bool isValidSid(const wchar_t* sid, size_t chars) noexcept;

}  // namespace tile
