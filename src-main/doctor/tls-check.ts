// Does a DC answer over TLS with the configured CA, before any bind? Checked per URL, with the same TLS options
// the AD adapter uses, so "certificate not trusted" and "wrong host name" are told apart from a bad password.
import { connect, type ConnectionOptions, type PeerCertificate } from 'node:tls';
import { Client } from 'ldapts';
import type { AdConnectionSettings } from '../directory/ad-connection.js';
import { failed, ok, reason, warn, type Check } from './report.js';

const DAY = 86_400_000;

export async function checkTls(url: string, s: Pick<AdConnectionSettings, 'startTls' | 'tls' | 'connectMs'>, now = Date.now()): Promise<Check> {
  const title = `AD TLS ${url}`;
  const u = new URL(url);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  try {
    if (s.startTls) {
      // StartTLS needs an LDAP exchange first: ldapts does it, with a fresh copy (startTLS mutates its options).
      const client = new Client({ url, connectTimeout: s.connectMs, timeout: s.connectMs });
      try {
        await client.startTLS({ ...s.tls, host });
      } finally {
        await client.unbind().catch(() => undefined);
      }
      return ok(title, 'StartTLS accepted, certificate trusted');
    }
    const cert = await handshake(host, Number(u.port || 636), s.tls, s.connectMs);
    const until = Date.parse(cert.valid_to);
    const detail = `certificate trusted (${cert.subject?.CN ?? 'no CN'}, issued by ${cert.issuer?.CN ?? '?'}, valid until ${new Date(until).toISOString().slice(0, 10)})`;
    if (until - now < 30 * DAY) return warn(title, detail, 'the certificate expires within 30 days: have AD CS renew it');
    return ok(title, detail);
  } catch (e) {
    return failed(title, reason(e), tlsFix(e, host));
  }
}

function handshake(host: string, port: number, tls: ConnectionOptions, ms: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...tls, host, port, timeout: ms });
    socket.once('secureConnect', () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.once('timeout', () => socket.destroy(new Error(`no answer within ${ms} ms`)));
    socket.once('error', reject);
  });
}

function tlsFix(e: unknown, host: string): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ECONNREFUSED') return `nothing listens there: check the URL and that the port is open from this machine to ${host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} does not resolve: use the DC's full DNS name`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return `the certificate does not name ${host}: use the name in the certificate, or set directory.servername`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) return 'the certificate is not trusted: set directory.caFile to the PEM of the CA that issued it (AD CS root)';
  if (code === 'ECONNRESET') return 'the DC closed the connection: ldaps:// on 636, or ldap:// on 389 with startTls';
  return 'check the URL, the firewall, and that the DC has a certificate for LDAPS';
}
