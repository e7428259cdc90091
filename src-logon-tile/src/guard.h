// What the tile proves before it signs in, each through the system port (system_port.h) and a pure check:
// its own DLL and the folders above it are admin-only (once, when LogonUI sets up the provider), the kiosk's
// lock-down is in force, and the kiosk account can sign in (a lock-out of this one local account is cleared).
#pragma once

#include "settings.h"
#include "status.h"

namespace tile {

// The DLL file, then every folder above it up to the volume root (folder_check.h).
Refusal checkOwnFolder() noexcept;

// checkLockdown (lockdown.h) over the facts the port reads now.
Refusal proveLockdown(const TileSettings& settings) noexcept;

// The account's flags: disabled refuses; locked out is cleared (NetUserSetInfo, USER_INFO_1008: "you can clear
// UF_LOCKOUT to unlock a previously locked account") and read again; still locked refuses.
Refusal prepareAccount(const TileSettings& settings) noexcept;

}  // namespace tile
