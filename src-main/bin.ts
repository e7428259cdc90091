#!/usr/bin/env node
// The installed command `wachtwoord-vergeten` (package.json "bin"). It turns on Node 22's module compile cache
// (https://nodejs.org/api/module.html#moduleenablecompilecachecachedir) before the CLI's modules load, so later
// starts reuse V8's compiled code. The cache lives in this user's own directory — systemd's CacheDirectory= or
// ~/.cache — never in a shared /tmp where another account could plant one; where it cannot be written (a
// read-only home, `nobody`) Node just runs without it.
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

enableCompileCache(process.env['CACHE_DIRECTORY'] ?? join(homedir(), '.cache', 'wachtwoord-vergeten'));
(await import('./cli.js')).run();
