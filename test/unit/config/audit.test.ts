// Where the audit trail goes: no file, no trail; `{host}` names each host's own file, with a host id that is
// safe in a path while the lines keep the id as given.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveAudit } from '../../../src-main/config/audit.js';
import { parseConfig } from '../../../src-main/config/load.js';

describe('resolveAudit', () => {
  it('is off without a file (the demo default)', () => {
    expect(resolveAudit(parseConfig({}).audit)).toBeUndefined();
  });

  it("fills in {host} (every occurrence), by default the machine's name", () => {
    expect(resolveAudit({ file: '/var/log/rk/{host}/audit-{host}.jsonl', host: 'web-1' })).toEqual({
      file: '/var/log/rk/web-1/audit-web-1.jsonl',
      host: 'web-1',
    });
    expect(resolveAudit({ file: '/var/log/rk/audit.jsonl' })).toEqual({
      file: '/var/log/rk/audit.jsonl',
      host: hostname(),
    });
  });

  it('keeps a host id from leaving its folder: only [A-Za-z0-9_.-] reach the path', () => {
    expect(resolveAudit({ file: '/var/log/rk/audit-{host}.jsonl', host: '../../etc/x y' })).toEqual({
      file: '/var/log/rk/audit-.._.._etc_x_y.jsonl',
      host: '../../etc/x y',
    });
  });

  it('is checked by the config schema: unknown fields and an empty file are refused', () => {
    expect(() => parseConfig({ audit: { file: '' } })).toThrow(/audit\.file/);
    expect(() => parseConfig({ audit: { file: '/x', rotate: true } })).toThrow(/audit/);
  });
});
