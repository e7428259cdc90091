// Who a client is, for the per-client budgets and the audit: its address as the trusted proxies report it.
// An IPv6 host usually owns a whole /64 (RFC 6177, SLAAC privacy addresses rotate within it), so one address
// per try would give it 2^64 budgets: IPv6 clients are keyed by their /64. IPv4 (and IPv4-mapped IPv6) stays
// one address.
import { isIPv4, isIPv6 } from 'node:net';
import type { ServerConfig } from '../config/server.js';

/**
 * `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; `::ffff:10.0.0.1` → `10.0.0.1`; an IPv4 address unchanged.
 * What is no address at all (a forged X-Forwarded-For entry behind a hop-count trustProxy) becomes one key,
 * `invalid-address`: it never reaches a budget key, the audit or a terminal as typed.
 */
export function clientKey(ip: string): string {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip.replace(/%[\w.-]{1,32}$/, ''))) return 'invalid-address';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  const bare = ip.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) is local to this host
  if (!isIPv6(bare)) return ip;
  return `${expand(bare)
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, `::` filled in and an embedded IPv4 tail as two groups. */
function expand(ip: string): string[] {
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  const hex = v4
    ? ip.slice(0, v4.index) + [(+v4[1]! << 8) | +v4[2]!, (+v4[3]! << 8) | +v4[4]!].map((n) => n.toString(16)).join(':')
    : ip;
  const [head, tail] = hex.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  if (tail === undefined) return groups(head);
  const fill = 8 - groups(head).length - groups(tail).length;
  return [...groups(head), ...Array<string>(fill).fill('0'), ...groups(tail)];
}

/**
 * proxy-addr's trust function for `server.trustProxy`: listed addresses as given, or a hop count — which trusts
 * the nearest N peers whoever they are, so it is only safe when nothing but the proxy can reach this host.
 */
export function trustFunction(
  trust: ServerConfig['trustProxy'],
): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** The start-up warning for a hop count that nothing says is safe; undefined when there is nothing to warn. */
export function proxyWarning(
  server: Pick<ServerConfig, 'trustProxy' | 'reachableOnlyThroughProxy' | 'host'>,
): string | undefined {
  if (typeof server.trustProxy !== 'number' || server.reachableOnlyThroughProxy) return undefined;
  if (['127.0.0.1', '::1', 'localhost'].includes(server.host)) return undefined; // only this machine's proxy can connect
  return (
    `WARNING: server.trustProxy is a hop count (${server.trustProxy}) and ${server.host} may be reachable without the proxy: ` +
    'a client that connects directly picks its own address with X-Forwarded-For and escapes the per-client limits. ' +
    'List the proxy addresses in server.trustProxy, or make the port reachable only through the proxy (firewall) and set server.reachableOnlyThroughProxy: true'
  );
}
