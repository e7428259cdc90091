// Resource ids of wachtwoord-vergeten-tile.dll (tile.rc.in).
#pragma once

#define IDB_TILE 101
