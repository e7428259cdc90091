// Text out is safe text (issue 27): names Samba accepts ("c\u009b31mX", "ab\u202egpj.exe") and a forged
// X-Forwarded-For never reach a terminal or the SIEM as control or bidi characters; CSV cells that start a
// formula, full-width ones too, are prefixed; the admin CLI keeps its token off plain http and redirects.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { adminCommand, formatStatus } from '../../../src-main/admin/command.js';
import { formatMatch } from '../../../src-main/audit/search-command.js';
import { formatSyslog, severityOf } from '../../../src-main/audit/syslog-format.js';
import { Coverage } from '../../../src-main/report/coverage.js';
import { safeText } from '../../../src-main/safe-text.js';
import { clientKey } from '../../../src-main/web/client-key.js';

const HOSTILE = ['c\u009b31mX', 'ab\u202egpj.exe', 'x\u001b[2Jy', 'r\rover', 'n\u2028l', 'b\u2066i\u2069', 'del\u007f'];
// Every character a terminal or a SIEM console would act on.
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe('safeText', () => {
  it('shows controls and bidi controls as visible escapes, leaves accents alone', () => {
    expect(safeText('c\u009b31mX')).toBe('c\\u{009b}31mX');
    expect(safeText('ab\u202egpj.exe')).toBe('ab\\u{202e}gpj.exe');
    expect(safeText('Eléonore Ça\\n')).toBe('Eléonore Ça\\\\n');
    for (const h of HOSTILE) expect(safeText(h)).not.toMatch(ACTIVE);
  });

  it('audit:search, admin status and the SIEM frame carry none of them', () => {
    for (const h of HOSTILE) {
      const line = formatMatch({
        ts: '2026-11-25T10:00:00.000Z',
        seq: 1,
        host: h,
        step: 'identity',
        outcome: h,
        user: h,
        client: h,
        prev: '',
        hash: '',
        file: 'f',
        typed: h,
        subject: { name: h, typed: h },
      });
      expect(line).not.toMatch(ACTIVE);
      const status = formatStatus({
        name: h,
        account: {
          username: h,
          aliases: [],
          id: h,
          accountKey: h,
          disabled: false,
          birthdateOnFile: true,
          mobileUsable: true,
        },
        blocked: false,
        sameDateAgain: 2,
        budgets: [
          { kind: 'identityPerUser', key: h, used: 1, limit: 5, blocked: false, retryAfterSeconds: 0, until: null },
        ],
        recent: [{ ts: '2026-11-25T10:00:00.000Z', host: h, step: h, outcome: h, client: h }],
      });
      for (const l of status) expect(l).not.toMatch(ACTIVE);
      const syslog = formatSyslog(
        {
          ts: '2026-11-25T10:00:00.000Z',
          host: 'web-a',
          step: 'identity',
          outcome: 'wrong_birthdate',
          user: h,
          client: h,
          subject: { typed: h },
        },
        { facility: 10, enterpriseId: 32473, pid: 1 },
      );
      expect(syslog).not.toMatch(ACTIVE);
    }
  });

  it('a refused admin scope is raised to the SIEM as a warning', () => {
    expect(severityOf('forbidden_unblock')).toBe(4);
    expect(severityOf('unauthorized_blocked')).toBe(4);
  });

  it('a forged client address is one key, never the text', () => {
    expect(clientKey('c\u009b31m')).toBe('invalid-address');
    expect(clientKey('10.0.0.1, 10.0.0.2')).toBe('invalid-address');
    expect(clientKey('10.0.0.1')).toBe('10.0.0.1');
    expect(clientKey('2001:db8:1:2:a:b:c:d')).toBe('2001:db8:1:2::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});

describe('CSV', () => {
  it('prefixes ASCII and full-width formula starters and escapes controls', () => {
    const c = new Coverage(() => ({ ok: false, reason: 'missing' }));
    for (const username of ['＝cmd|calc', '＋1', '－2', '＠SUM(A1)', '=1', 'ab\u202egpj.exe', '\tx'])
      c.add({
        username,
        id: username,
        accountKey: username,
        givenName: '',
        surname: '',
        displayName: '',
        disabled: false,
        protected: false,
        birthdate: undefined,
        mobile: undefined,
      });
    const cells = c
      .csv()
      .split('\r\n')
      .slice(1, -1)
      .map((r) => r.split('","')[0]!.slice(1));
    expect(cells).toEqual(["'＝cmd|calc", "'＋1", "'－2", "'＠SUM(A1)", "'=1", 'ab\\u{202e}gpj.exe', '\\u{0009}x']);
  });
});

describe('admin CLI transport', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    return {
      code: await adminCommand(argv, (l) => out.push(l), { RESET_KIOSK_ADMIN_TOKEN: 't'.repeat(40) }),
      text: out.join('\n'),
    };
  };

  it('refuses plain http to another machine unless --insecure', async () => {
    const r = await run('health', '--url', 'http://10.255.255.1:8081');
    expect(r).toMatchObject({ code: 2, text: expect.stringMatching(/plain http to another machine/) as string });
    expect((await run('health', '--url', 'http://[::1]:9', '--insecure')).text).toMatch(/cannot reach/);
    expect((await run('health', '--url', 'http://127.0.0.1:9')).text).toMatch(/cannot reach/); // loopback is fine
    expect((await run('health', '--url', 'ftp://127.0.0.1')).code).toBe(2);
  });

  it('does not follow a redirect (the token stays where it was sent)', async () => {
    const seen: (string | undefined)[] = [];
    const target = http.createServer((req, res) => (seen.push(req.headers.authorization), res.end('{}')));
    const redirector = http.createServer((_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${(target.address() as AddressInfo).port}/admin/health` }).end(),
    );
    await Promise.all([
      new Promise<void>((r) => target.listen(0, '127.0.0.1', r)),
      new Promise<void>((r) => redirector.listen(0, '127.0.0.1', r)),
    ]);
    try {
      const r = await run('health', '--url', `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`);
      expect(r).toMatchObject({
        code: 1,
        text: expect.stringMatching(/answered with a redirect; the token is not sent on/) as string,
      });
      expect(seen).toEqual([]);
    } finally {
      target.close();
      redirector.close();
    }
  });
});
