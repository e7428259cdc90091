// Config section `server`: where the web host listens, which proxy it believes, and how long it waits for a
// client. A reset wizard sends a few small JSON requests: any client slower than a few seconds is broken or
// hostile (slowloris), so every timeout is seconds, not minutes, and the number of open connections is capped.
import { z } from 'zod';

const seconds = (min: number, max: number, def: number) => z.number().int().min(min).max(max).default(def);

export const serverFields = {
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8080),
  /**
   * Behind a load balancer: its addresses (IP or CIDR) or the number of proxy hops, so per-client limits see
   * the real client. Never `true`: anyone could then pick their own address with X-Forwarded-For.
   */
  trustProxy: z
    .union([
      z.literal(false),
      z.number().int().min(1).max(5),
      z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])).min(1),
    ])
    .default(false),
  /**
   * With a hop count, the admin states that no client can reach this host but through the proxy (firewall,
   * private network, or `host` on loopback with the proxy on the same machine). Otherwise a client that reaches
   * the port directly chooses its own address with X-Forwarded-For: a warning at start-up says so.
   */
  reachableOnlyThroughProxy: z.boolean().default(false),
  timeouts: z
    .object({
      /** The request line and headers must arrive within this (Node's headersTimeout). */
      headersSeconds: seconds(1, 30, 5),
      /** The whole request, body included (requestTimeout): a trickling body is cut here. */
      requestSeconds: seconds(1, 60, 10),
      /** A connection with no bytes either way is closed (the socket timeout): longer than any answer takes. */
      idleSeconds: seconds(5, 300, 30),
      /** An idle keep-alive connection between two requests is closed after this. */
      keepAliveSeconds: seconds(1, 60, 5),
    })
    .strict()
    .prefault({}),
  /** Open connections at most (Node's maxConnections); beyond it new ones are closed at once. */
  maxConnections: z.number().int().min(10).max(100_000).default(1000),
  /**
   * Open connections per client (address, or IPv6 /64) at most, so one client cannot hold all of
   * maxConnections (web/conn-limit.ts). Not applied to a trusted proxy's connections.
   */
  maxConnectionsPerClient: z.number().int().min(1).max(100_000).default(50),
};

export const serverSchema = z.object(serverFields).strict();
export type ServerConfig = z.infer<typeof serverSchema>;
/** What a web host gets when no config names it (tests, the benchmark): the defaults above. */
export const DEFAULT_SERVER: ServerConfig = serverSchema.parse({});
