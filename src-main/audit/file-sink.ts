// The audit trail as an append-only JSON-lines file with a hash chain (chain.ts); `audit:verify` checks it.
// Appends are serialised in this process (one promise queue), so lines never interleave and `seq`/`prev` never
// fork. Several processes must NOT share one file: with several web hosts each writes its own (`{host}` in the
// path), and every line names its host.
import { open, stat, type FileHandle } from 'node:fs/promises';
import { openPrivate, type FileRule } from '../private-file.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEvent } from '../core/ports/audit.js';
import type { RecordingSink } from './tee.js';
import { chainRecord, GENESIS, type AuditRecord } from './chain.js';

export class AuditFileError extends Error {
  override name = 'AuditFileError';
}

/** Others may not write the trail; a log shipper's group may read it. */
export const AUDIT_FILE_RULE: FileRule = { private: false };

/** How much of the file's end is read at start-up to find the last line (lines are ~300 bytes). */
const TAIL_BYTES = 64 * 1024;

export class FileAuditSink implements RecordingSink {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly host: string,
    private last: { seq: number; hash: string },
    private readonly now: () => Date,
  ) {}

  /**
   * Opens (or creates, mode 0600) the file and continues its chain from the last line. Refused (start-up
   * stops) when the file is a symlink, another user's, or writable by others (private-file.ts).
   */
  static async open(file: string, opts: { host: string; now?: () => Date }): Promise<FileAuditSink> {
    mkdirSync(dirname(file), { recursive: true });
    const handle = await openPrivate(file, 'append', AUDIT_FILE_RULE).catch((e: Error) => {
      throw new AuditFileError(`audit file: ${e.message}`);
    });
    try {
      const last = await readLast(file);
      return new FileAuditSink(file, handle, opts.host, last, opts.now ?? (() => new Date()));
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** Resolves with the line as written (for the observers in tee.ts). */
  record(event: AuditEvent): Promise<AuditRecord> {
    // Chained on the queue: the next record is built only after the previous one is on disk. A failed write
    // rejects this call (the step fails closed) but leaves the chain where it was, so later lines still verify.
    const write = this.queue.then(async () => {
      const rec = chainRecord(
        {
          ts: this.now().toISOString(),
          host: this.host,
          step: event.step,
          outcome: event.outcome,
          user: event.user ?? null,
          client: event.client,
          ...(event.reason ? { reason: event.reason } : {}),
          ...(event.subject ? { subject: event.subject } : {}),
        },
        this.last,
      );
      await this.handle.appendFile(JSON.stringify(rec) + '\n');
      this.last = { seq: rec.seq, hash: rec.hash };
      return rec;
    });
    this.queue = write.catch(() => {});
    return write;
  }

  private closing: Promise<void> | undefined;

  /** Waits for pending lines, then closes; safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.queue.then(() => this.handle.close());
    return this.closing;
  }
}

/** seq and hash of the file's last line; a fresh chain for an empty file. A torn or foreign last line stops start-up. */
async function readLast(file: string): Promise<{ seq: number; hash: string }> {
  const { size } = await stat(file);
  if (size === 0) return { seq: 0, hash: GENESIS };
  const fh = await open(file, 'r');
  let tail: string;
  try {
    const length = Math.min(size, TAIL_BYTES);
    const buf = Buffer.alloc(length);
    await fh.read(buf, 0, length, size - length);
    tail = buf.toString('utf8');
  } finally {
    await fh.close();
  }
  const problem = `audit file ${file}`;
  if (!tail.endsWith('\n'))
    throw new AuditFileError(
      `${problem} ends in an incomplete line (a crash during a write?). Run audit:verify on it, move it away, and start again.`,
    );
  const line = tail.slice(0, -1).split('\n').pop() ?? '';
  let rec: Partial<AuditRecord>;
  try {
    rec = JSON.parse(line) as Partial<AuditRecord>;
  } catch {
    throw new AuditFileError(
      `${problem}: the last line is not an audit record. Run audit:verify on it, move it away, and start again.`,
    );
  }
  if (typeof rec.seq !== 'number' || typeof rec.hash !== 'string')
    throw new AuditFileError(`${problem}: the last line has no seq/hash; is this an audit file?`);
  return { seq: rec.seq, hash: rec.hash };
}
