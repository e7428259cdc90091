// Central mode pins one CA for one host: a chain from the configured CA passes, anything else is refused —
// a valid certificate from another CA (a MITM proxy's root in the Windows store), another host, an expired
// certificate, a forged issuer name. Certificates are made with openssl for each run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificateDecision,
  chainOf,
  VERIFY_OK,
  VERIFY_REJECT,
  verifyPinnedChain,
} from '../../../../src-main/electron/window/cert.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-cert-'));
const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
const pem = (name: string) => readFileSync(join(dir, `${name}.pem`), 'utf8');

/** `name`.csr signed by `signer` with the extensions in `name`.ext, into `name`.pem. */
function sign(name: string, signer: string, days: string): void {
  const [csr, ext, out] = [`${name}.csr`, `${name}.ext`, `${name}.pem`];
  ssl(
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    `${signer}.pem`,
    '-CAkey',
    `${signer}.key`,
    '-CAcreateserial',
    '-days',
    days,
    '-extfile',
    ext,
    '-out',
    out,
  );
}

function ca(name: string, subject: string, signer?: string): void {
  ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
  writeFileSync(join(dir, `${name}.ext`), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  if (!signer)
    ssl(
      'req',
      '-x509',
      '-new',
      '-key',
      `${name}.key`,
      '-subj',
      subject,
      '-days',
      '3650',
      '-out',
      `${name}.pem`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    );
  else {
    ssl('req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
    sign(name, signer, '3650');
  }
}

function leaf(name: string, host: string, signer: string, days = '825'): void {
  ssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
  ssl('req', '-new', '-key', `${name}.key`, '-subj', `/CN=${host}`, '-out', `${name}.csr`);
  writeFileSync(
    join(dir, `${name}.ext`),
    `basicConstraints=CA:FALSE\nsubjectAltName=DNS:${host}\nextendedKeyUsage=serverAuth\n`,
  );
  sign(name, signer, days);
}

const HOST = 'reset.zorg.example';

beforeAll(() => {
  ca('root', '/CN=Zorg Root CA');
  ca('inter', '/CN=Zorg Issuing CA', 'root');
  leaf('server', HOST, 'inter');
  leaf('direct', HOST, 'root');
  ca('mitm', '/CN=Zorg Root CA'); // same name as our root, different key: a forgery by name
  leaf('forged', HOST, 'mitm');
  leaf('other', 'evil.example', 'root');
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = () => new Date();

describe('pinned CA', () => {
  it('accepts leaf → intermediate → pinned root, with or without the root in the chain', () => {
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('server'), pem('inter')], caPem: pem('root') })).toBe(true);
    expect(
      verifyPinnedChain({ hostname: HOST, chain: [pem('server'), pem('inter'), pem('root')], caPem: pem('root') }),
    ).toBe(true);
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('direct')], caPem: pem('root') })).toBe(true);
  });

  it('accepts pinning the issuing CA instead of the root', () => {
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('server'), pem('inter')], caPem: pem('inter') })).toBe(true);
  });

  it('refuses a missing intermediate, a forged root of the same name, another host, garbage', () => {
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('server')], caPem: pem('root') })).toBe(false);
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('forged'), pem('mitm')], caPem: pem('root') })).toBe(false);
    expect(
      verifyPinnedChain({ hostname: 'evil.example', chain: [pem('server'), pem('inter')], caPem: pem('root') }),
    ).toBe(false);
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('other')], caPem: pem('root') })).toBe(false);
    expect(verifyPinnedChain({ hostname: HOST, chain: ['not a pem'], caPem: pem('root') })).toBe(false);
    expect(verifyPinnedChain({ hostname: HOST, chain: [], caPem: pem('root') })).toBe(false);
  });

  it('refuses a leaf as the pin (not a CA) and certificates outside their validity', () => {
    expect(verifyPinnedChain({ hostname: HOST, chain: [pem('direct')], caPem: pem('direct') })).toBe(false);
    const future = new Date(Date.now() + 4000 * 86400_000);
    expect(
      verifyPinnedChain({ hostname: HOST, chain: [pem('server'), pem('inter')], caPem: pem('root'), now: future }),
    ).toBe(false);
    const past = new Date(Date.now() - 2 * 86400_000);
    expect(
      verifyPinnedChain({ hostname: HOST, chain: [pem('server'), pem('inter')], caPem: pem('root'), now: past }),
    ).toBe(false);
  });

  it("flattens Electron's issuerCert links, stopping at a self-signed root", () => {
    const root: { data: string; issuerCert?: unknown } = { data: pem('root') };
    root.issuerCert = root;
    const chain = chainOf({ data: pem('server'), issuerCert: { data: pem('inter'), issuerCert: root } as never });
    expect(chain).toEqual([pem('server'), pem('inter'), pem('root')]);
    expect(chainOf(undefined)).toEqual([]);
  });

  it('decides per connection: only the pinned host, only through the CA; nothing without a pin', () => {
    const certificate = { data: pem('server'), issuerCert: { data: pem('inter') } as never };
    const pin = { host: HOST, caPem: pem('root') };
    expect(certificateDecision({ hostname: HOST, certificate }, pin, now())).toBe(VERIFY_OK);
    expect(certificateDecision({ hostname: 'RESET.zorg.example', certificate }, pin, now())).toBe(VERIFY_OK);
    expect(certificateDecision({ hostname: 'other.zorg.example', certificate }, pin, now())).toBe(VERIFY_REJECT);
    expect(certificateDecision({ hostname: HOST, certificate }, undefined, now())).toBe(VERIFY_REJECT);
    expect(
      certificateDecision(
        { hostname: HOST, certificate: { data: pem('forged'), issuerCert: { data: pem('mitm') } as never } },
        pin,
        now(),
      ),
    ).toBe(VERIFY_REJECT);
  });
});
