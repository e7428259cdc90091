// Central mode: the kiosk trusts exactly one CA for exactly one host (certificate pinning, checklist #1 spirit:
// only load secure content). session.setCertificateVerifyProc hands us the chain the server sent; we verify it
// ourselves with node:crypto against the configured CA, so neither the Windows store nor a MITM proxy's root
// can vouch for the reset service. Revocation is not checked (document: short-lived certs, or a CRL at the CA).
import { X509Certificate } from 'node:crypto';
import type { Certificate } from 'electron';

/** Chromium's verify-proc results: 0 accept, -2 reject (net::ERR_FAILED), -3 use Chromium's own result. */
export const VERIFY_OK = 0;
export const VERIFY_REJECT = -2;

const MAX_DEPTH = 6;

/** The PEM chain as sent by the server, leaf first (Electron links it through `issuerCert`). */
export function chainOf(cert: Pick<Certificate, 'data' | 'issuerCert'> | undefined): string[] {
  const out: string[] = [];
  for (let c = cert; c && out.length < MAX_DEPTH; c = c.issuerCert) {
    if (out.includes(c.data)) break; // a self-signed root points at itself
    out.push(c.data);
  }
  return out;
}

const validAt = (c: X509Certificate, now: Date) => new Date(c.validFrom) <= now && now <= new Date(c.validTo);
const issuedBy = (child: X509Certificate, parent: X509Certificate) =>
  child.checkIssued(parent) && child.verify(parent.publicKey);

/** True when `chain` (leaf first) leads from a certificate for `hostname` to the pinned CA, all valid at `now`. */
export function verifyPinnedChain(opts: { hostname: string; chain: string[]; caPem: string; now?: Date }): boolean {
  const now = opts.now ?? new Date();
  let ca: X509Certificate;
  let chain: X509Certificate[];
  try {
    ca = new X509Certificate(opts.caPem);
    chain = opts.chain.map((pem) => new X509Certificate(pem));
  } catch {
    return false;
  }
  const leaf = chain[0];
  if (!leaf || !ca.ca || !validAt(ca, now)) return false;
  const isIp = /^[\d.]+$|:/.test(opts.hostname);
  const nameOk = isIp ? leaf.checkIP(opts.hostname) !== undefined : leaf.checkHost(opts.hostname) !== undefined;
  if (!nameOk) return false;
  for (let i = 0; i < chain.length && i < MAX_DEPTH; i++) {
    const cert = chain[i]!;
    if (!validAt(cert, now)) return false;
    if (issuedBy(cert, ca)) return true; // reached the pinned CA
    const parent = chain[i + 1];
    if (!parent || !parent.ca || !issuedBy(cert, parent)) return false;
  }
  return false;
}

/** The decision for one TLS connection: only the central host, only through the pinned CA. */
export function certificateDecision(
  req: { hostname: string; certificate: Pick<Certificate, 'data' | 'issuerCert'> },
  pin: { host: string; caPem: string } | undefined,
  now?: Date,
): number {
  if (!pin || req.hostname.toLowerCase() !== pin.host.toLowerCase()) return VERIFY_REJECT;
  const ok = verifyPinnedChain({
    hostname: req.hostname,
    chain: chainOf(req.certificate),
    caPem: pin.caPem,
    ...(now ? { now } : {}),
  });
  return ok ? VERIFY_OK : VERIFY_REJECT;
}
