// Config section `audit`: where the hash-chained audit trail goes (src-main/audit, checked by `audit:verify`),
// and optionally a SIEM that receives every event as syslog (src-main/audit/syslog*.ts).
import { hostname } from 'node:os';
import { z } from 'zod';

const ms = (min: number, max: number, dflt: number) => z.number().int().min(min).max(max).default(dflt);

export const syslogSchema = z
  .object({
    /** The SIEM's syslog receiver (name or address) and port: RFC 6587 octet-counted frames over TCP. */
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65535),
    /** TLS (RFC 5425), verified against `caFile` (else Node's CA store). Off only on a trusted network segment. */
    tls: z.boolean().default(true),
    caFile: z.string().min(1).optional(),
    /** Name the receiver's certificate must carry when `host` is an address or an alias. */
    servername: z.string().min(1).optional(),
    /** Events held while the SIEM is away; beyond this new events are dropped (counted, logged): a reset never waits. */
    queueSize: z.number().int().min(10).max(100_000).default(10_000),
    /** Syslog facility code (RFC 5424 6.2.1): 10 = authpriv (security/authorisation), 16–23 = local0–7. */
    facility: z.number().int().min(0).max(23).default(10),
    /** IANA Private Enterprise Number in the structured data id `audit@N`; 32473 is the documentation example. */
    enterpriseId: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .default(32473),
    connectTimeoutMs: ms(100, 60_000, 5000),
    /** Reconnect backoff: doubles from `minMs` to `maxMs` (with jitter) while the receiver cannot be reached. */
    reconnect: z
      .object({ minMs: ms(50, 60_000, 500), maxMs: ms(100, 600_000, 30_000) })
      .strict()
      .prefault({}),
  })
  .strict()
  .refine((s) => s.reconnect.maxMs >= s.reconnect.minMs, {
    path: ['reconnect', 'maxMs'],
    message: 'must be at least reconnect.minMs',
  })
  .refine((s) => s.tls || !s.caFile, { path: ['caFile'], message: 'caFile needs tls: true' });
export type SyslogConfig = z.infer<typeof syslogSchema>;

export const auditSchema = z
  .object({
    /**
     * JSON-lines file, appended to (mode 0600). `{host}` is replaced by `host`, so web hosts sharing one config
     * and one volume each keep their own chain. No file = no audit trail (the demo's default; doctor flags it).
     */
    file: z.string().min(1).optional(),
    /** Written on every line; default: the machine's host name. */
    host: z.string().min(1).max(64).optional(),
    /** Forward every audit event to a SIEM as RFC 5424 syslog; off when left out. */
    syslog: syslogSchema.optional(),
  })
  .strict();
export type AuditConfig = z.infer<typeof auditSchema>;

/** This host's id as written on every line and used for `{host}`. */
export const auditHost = (config: AuditConfig): string => config.host ?? hostname();

/** The host id and the file path with `{host}` filled in; undefined when the trail is off. */
export function resolveAudit(config: AuditConfig): { file: string; host: string } | undefined {
  if (!config.file) return undefined;
  const host = auditHost(config);
  return { file: config.file.replaceAll('{host}', host.replace(/[^\w.-]/g, '_')), host };
}
