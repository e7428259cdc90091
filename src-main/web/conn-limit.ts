// Open connections per client: one client (an address, or an IPv6 /64) may hold at most `max` at once; more are
// closed as soon as they open. Node's maxConnections caps the total, but a single client could otherwise take
// every slot with idle connections and re-open each as it times out, so nobody else gets one (a measured flood
// of 1 000 idle connections from one address failed every other client for 15 s). A trusted proxy (trustProxy
// addresses) carries many clients on its connections and is not limited here; with a hop count every peer
// could be the proxy, so the limit is off and the proxy must limit per client (nginx limit_conn, HAProxy maxconn).
import type { Server } from 'node:net';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import type { ServerConfig } from '../config/server.js';
import { clientKey } from './client-key.js';

/** Whether connections from `address` are a trusted proxy's (not limited per client). */
export function proxyMatcher(trust: ServerConfig['trustProxy']): (address: string) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return () => true;
  const list = new BlockList();
  for (const entry of trust) {
    const [ip, bits] = entry.split('/') as [string, string | undefined];
    const type = isIPv6(ip) ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    return list.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6');
  };
}

/** Installs the limit on a listening (or about to listen) server; returns the live counts (for tests). */
export function limitConnectionsPerClient(
  server: Server,
  max: number,
  isProxy: (address: string) => boolean,
): Map<string, number> {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress;
    if (!address || isProxy(address)) return;
    const key = clientKey(address);
    const now = (open.get(key) ?? 0) + 1;
    if (now > max) {
      socket.destroy();
      return;
    }
    open.set(key, now);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left <= 0) open.delete(key);
      else open.set(key, left);
    });
  });
  return open;
}
