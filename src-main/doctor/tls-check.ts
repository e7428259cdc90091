// Does a DC answer over TLS with the configured CA, before any bind? Checked per URL, with the same TLS options
// the AD adapter uses, so "certificate not trusted" and "wrong host name" are told apart from a bad password.
import { probeTls, type AdConnectionSettings } from '../directory/ad/index.js';
import { failed, ok, reason, warn, type Check } from './report.js';

const DAY = 86_400_000;

export async function checkTls(
  url: string,
  s: Pick<AdConnectionSettings, 'startTls' | 'tls' | 'connectMs'>,
  now = Date.now(),
): Promise<Check> {
  const title = `AD TLS ${url}`;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  try {
    const probe = await probeTls(url, s);
    if (probe.startTls) return ok(title, 'StartTLS accepted, certificate trusted');
    const { cert } = probe;
    const until = Date.parse(cert.valid_to);
    const detail = `certificate trusted (${String(cert.subject?.CN ?? 'no CN')}, issued by ${String(cert.issuer?.CN ?? '?')}, valid until ${new Date(until).toISOString().slice(0, 10)})`;
    if (until - now < 30 * DAY)
      return warn(title, detail, 'the certificate expires within 30 days: have AD CS renew it');
    return ok(title, detail);
  } catch (e) {
    return failed(title, reason(e), tlsFix(e, host));
  }
}

function tlsFix(e: unknown, host: string): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ECONNREFUSED')
    return `nothing listens there: check the URL and that the port is open from this machine to ${host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} does not resolve: use the DC's full DNS name`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `the certificate does not name ${host}: use the name in the certificate, or set directory.servername`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code))
    return 'the certificate is not trusted: set directory.caFile to the PEM of the CA that issued it (AD CS root)';
  if (code === 'ECONNRESET') return 'the DC closed the connection: ldaps:// on 636, or ldap:// on 389 with startTls';
  return 'check the URL, the firewall, and that the DC has a certificate for LDAPS';
}
