// Every host's audit file from the one configured path: `{host}` (config/audit.ts) stands for any host id, so
// `/var/log/reset-kiosk/audit-{host}.jsonl` finds audit-web-a.jsonl, audit-web-b.jsonl, … on a shared volume.
// Only our own placeholder is expanded (no glob syntax): a path with `*` or `[` in it means exactly that path.
import { readdir } from 'node:fs/promises';
import { isAbsolute, join, sep } from 'node:path';

const PLACEHOLDER = '{host}';
// resolveAudit turns a host id into these characters only.
const HOST_CHARS = '[\\w.-]+';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The existing files the pattern names, sorted; a path without `{host}` is returned as it is. */
export async function expandAuditPath(pattern: string): Promise<string[]> {
  if (!pattern.includes(PLACEHOLDER)) return [pattern];
  const parts = pattern.split(/[\\/]/);
  // `/var/log/…` → root `/`; `C:/ProgramData/…` → `C:\`; a relative path starts here.
  let found = [isAbsolute(pattern) ? `${parts.shift()}${sep}` : '.'];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (!part.includes(PLACEHOLDER)) {
      found = found.map((dir) => join(dir, part));
      continue;
    }
    const re = new RegExp(`^${part.split(PLACEHOLDER).map(escape).join(HOST_CHARS)}$`);
    const next: string[] = [];
    for (const dir of found) {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries)
        if (re.test(e.name) && (last ? e.isFile() : e.isDirectory())) next.push(join(dir, e.name));
    }
    found = next;
  }
  return found.sort();
}
