// The audit trail of a full reset (and of the usual mistakes) holds who, what and the outcome: never the
// password, the code, the phone number or the birthdate, in any of the forms they were typed or stored.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, it } from 'vitest';
import { bindClient } from '../../helpers/bind-client.js';
import { verifyAuditFile } from '../../../src-main/audit/verify.js';
import { demoApp } from '../../helpers/demo-app.js';
import { captureLog } from '../../helpers/log-capture.js';
import { walkTo } from '../../helpers/walk.js';

const PASSWORD = 'Zomer#Wandeling-2031';
const SECRETS_BASE = [
  '01-10-1984',
  '1984-10-01',
  '19841001',
  '1-10-1984',
  '+31612345678',
  '+31 6 12345678',
  '612345678',
  '12345678',
  PASSWORD,
  'Zomer#W',
];

it('a full reset leaves who/what/outcome in the audit trail, never a secret', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-audit-')), 'audit-{host}.jsonl');
  const d = await demoApp({ config: { audit: { file, host: 'web-1' } } });
  const api = bindClient(d.app.service, { clientId: 'kiosk-7' });

  const s1 = await walkTo(api, d.lastCode, 'identity', { username: 'PANTEIN\\A.Janssen', birthdate: '1-10-1984' });
  expect(await api.verifyIdentity({ sessionId: s1.sessionId, birthdate: '02-10-1984' })).toMatchObject({
    code: 'identity_failed',
  });
  expect(await api.verifyIdentity({ sessionId: s1.sessionId, birthdate: '1-10-1984' })).toMatchObject({ ok: true });
  const code = d.lastCode();
  const wrong = code === '000000' ? '111111' : '000000';
  expect(await api.verifyCode({ sessionId: s1.sessionId, code: wrong })).toMatchObject({ code: 'code_wrong' });
  expect(await api.verifyCode({ sessionId: s1.sessionId, code })).toMatchObject({ ok: true });
  expect(await api.setPassword({ sessionId: s1.sessionId, password: 'short', repeat: 'short' })).toMatchObject({
    code: 'password_policy',
  });
  expect(await api.setPassword({ sessionId: s1.sessionId, password: PASSWORD, repeat: PASSWORD })).toMatchObject({
    ok: true,
  });
  await d.close(); // flushes and closes the audit file (kept in its own dir)

  const written = file.replace('{host}', 'web-1');
  const text = readFileSync(written, 'utf8');
  expect(await verifyAuditFile(written)).toMatchObject({ ok: true, hosts: ['web-1'] });
  const steps = text
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { step: string; outcome: string; user: string; client: string; prev: string; hash: string },
    );
  expect(steps.map((s) => `${s.step}:${s.outcome}`)).toEqual([
    'start:ok',
    'identity:wrong_birthdate',
    'code_sent:ok',
    'identity:ok',
    'code:code_wrong',
    'code:ok',
    'password:ok',
  ]);
  // Before the directory named the account only a pseudonym of what was typed; from then on the account.
  expect(steps.map((s) => `${s.user}@${s.client}`)).toEqual([
    expect.stringMatching(/^~[0-9a-f]{12}@kiosk-7$/),
    ...Array<string>(6).fill('A.Janssen@kiosk-7'),
  ]);
  // prev/hash are hex and could hold any six digits by chance (the genesis hash is all zeros): scan the rest.
  const content = steps.map(({ prev: _p, hash: _h, ...rest }) => JSON.stringify(rest)).join('\n');
  for (const secret of [...SECRETS_BASE, code, wrong]) expect(content, `audit holds "${secret}"`).not.toContain(secret);
  rmSync(dirname(file), { recursive: true, force: true });
});

it('a password typed into the username field never reaches the audit trail or the log', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'rk-audit-')), 'audit.jsonl');
  const log = captureLog();
  const d = await demoApp({ config: { audit: { file } }, log });
  const api = bindClient(d.app.service, { clientId: 'kiosk-7' });
  const typo = 'Geheim!Wachtwoord-77'; // typed out of habit where the username goes
  const { sessionId } = await walkTo(api, d.lastCode, 'identity', { username: typo, birthdate: '01-10-1984' });
  expect(await api.verifyIdentity({ sessionId, birthdate: '01-10-1984' })).toMatchObject({ code: 'identity_failed' });
  await api.cancel({ sessionId });
  await d.close();
  const everything = readFileSync(file, 'utf8') + log.text();
  expect(everything.toLowerCase()).not.toContain(typo.toLowerCase());
  expect(everything).toMatch(/"user":"~[0-9a-f]{12}"/);
  rmSync(dirname(file), { recursive: true, force: true });
});
