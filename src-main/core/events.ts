// What the core tells the rest of the product, as one typed union instead of strings to parse: a session reached a
// step, a step ended with an outcome (the audit event), a budget refused an attempt, the session's subject (the
// account) became known. The audit file, metrics and the kiosk's session tracker subscribe; none re-derives the
// flow's state from answers or parses an outcome. Listeners only *see* events: a throwing one is logged, and never
// fails or delays a step. The audit record itself stays awaited (fail closed) before its events go out.
import type { AuditEvent, AuditSink, AuditStep } from './ports/audit.js';
import type { Logger } from './ports/log.js';
import type { Purpose } from './contract.js';
import type { BudgetKind } from './throttle.js';

/** Where a session is now: the kiosk ends its own session after `done` and `ended`, waits longer at `code`. */
export type SessionStep = 'identity' | 'code' | 'password' | 'unlock' | 'done' | 'ended';

export type CoreEvent =
  | { type: 'step'; sessionId: string; client: string; purpose: Purpose; step: SessionStep }
  | { type: 'outcome'; event: AuditEvent }
  | { type: 'budget'; budget: BudgetKind; step: AuditStep; client: string }
  | { type: 'subject'; sessionId: string; client: string; account: string };

export type CoreEventListener = (event: CoreEvent) => void;

export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  constructor(private readonly log: Logger) {}

  /** Adds a listener; the returned function removes it. */
  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        this.log.error(
          { err: e instanceof Error ? e.message : String(e), event: event.type },
          'core event listener failed',
        );
      }
    }
  }

  /** The audit sink as the core uses it: `sink` writes first (its failure fails the step), then the events go out. */
  auditing(sink: AuditSink): AuditSink {
    return {
      record: async (event) => {
        await sink.record(event);
        this.emit({ type: 'outcome', event });
        if (event.budget) this.emit({ type: 'budget', budget: event.budget, step: event.step, client: event.client });
      },
    };
  }
}
