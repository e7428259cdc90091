// Config section `audit`: where the hash-chained audit trail goes (src-main/audit, checked by `audit:verify`).
import { hostname } from 'node:os';
import { z } from 'zod';

export const auditSchema = z
  .object({
    /**
     * JSON-lines file, appended to (mode 0600). `{host}` is replaced by `host`, so web hosts sharing one config
     * and one volume each keep their own chain. No file = no audit trail (the demo's default; doctor flags it).
     */
    file: z.string().min(1).optional(),
    /** Written on every line; default: the machine's host name. */
    host: z.string().min(1).max(64).optional(),
  })
  .strict();
export type AuditConfig = z.infer<typeof auditSchema>;

/** The host id and the file path with `{host}` filled in; undefined when the trail is off. */
export function resolveAudit(config: AuditConfig): { file: string; host: string } | undefined {
  if (!config.file) return undefined;
  const host = config.host ?? hostname();
  return { file: config.file.replaceAll('{host}', host.replace(/[^\w.-]/g, '_')), host };
}
