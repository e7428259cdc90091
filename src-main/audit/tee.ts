// One audit event, several readers: the hash-chained file first (its failure fails the step closed), then the
// observers — SIEM forwarding, metrics — which only ever *see* an event: they cannot delay or fail a step.
import type { AuditEvent, AuditSink } from '../core/ports/audit.js';
import type { Logger } from '../core/ports/log.js';
import type { AuditRecord } from './chain.js';

/** An event as it was recorded: with the file's seq and hash when there is a file. */
export type RecordedEvent = Pick<
  AuditRecord,
  'ts' | 'host' | 'step' | 'outcome' | 'user' | 'client' | 'reason' | 'subject'
> & { seq?: number; hash?: string };

/** Synchronous and cheap (enqueue, count); must not throw, but a throw is caught and logged anyway. */
export type AuditObserver = (event: RecordedEvent) => void;

/** A sink that says what it wrote (FileAuditSink); others are wrapped and stamped here. */
export type RecordingSink = { record(event: AuditEvent): Promise<AuditRecord | void> };

export function teeAudit(
  primary: RecordingSink | AuditSink,
  observers: AuditObserver[],
  opts: { host: string; log: Logger; now?: () => Date },
): AuditSink {
  const now = opts.now ?? (() => new Date());
  return {
    async record(event) {
      const written = await primary.record(event);
      const seen: RecordedEvent = written
        ? {
            ts: written.ts,
            host: written.host,
            step: written.step,
            outcome: written.outcome,
            user: written.user,
            client: written.client,
            ...(written.reason ? { reason: written.reason } : {}),
            ...(written.subject ? { subject: written.subject } : {}),
            seq: written.seq,
            hash: written.hash,
          }
        : {
            ts: now().toISOString(),
            host: opts.host,
            step: event.step,
            outcome: event.outcome,
            user: event.user ?? null,
            client: event.client,
            ...(event.reason ? { reason: event.reason } : {}),
            ...(event.subject ? { subject: event.subject } : {}),
          };
      for (const observe of observers) {
        try {
          observe(seen);
        } catch (e) {
          opts.log.error({ err: (e as Error).message }, 'audit observer failed');
        }
      }
    },
  };
}
