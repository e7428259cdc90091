// The load generator's side: one complete reset over HTTP (start → birthdate → code → password), as the
// wizard does it, with the code read from the SMS outbox the web host writes to.
import { open } from 'node:fs/promises';
import { Agent, request } from 'node:http';

export type BenchUser = { username: string; birthdate: string; mobile: string };

/** Reads the outbox incrementally and remembers the latest code sent to each number. */
export class OutboxCodes {
  private offset = 0;
  private readonly latest = new Map<string, string>();
  private reading: Promise<unknown> = Promise.resolve();
  constructor(private readonly file: string) {}

  /** Serialised: concurrent readers would read the same bytes twice and skip the offset past lines. */
  codeFor(mobile: string): Promise<string> {
    const next = this.reading.then(() => this.read(mobile));
    this.reading = next.catch(() => {});
    return next;
  }

  private async read(mobile: string): Promise<string> {
    const fh = await open(this.file, 'r');
    try {
      const { size } = await fh.stat();
      if (size > this.offset) {
        const buf = Buffer.alloc(size - this.offset);
        await fh.read(buf, 0, buf.length, this.offset);
        const text = buf.toString('utf8');
        const complete = text.slice(0, text.lastIndexOf('\n') + 1); // a line still being written waits for next time
        this.offset += Buffer.byteLength(complete);
        for (const line of complete.split('\n').filter(Boolean)) {
          const { to, body } = JSON.parse(line) as { to: string; body: string };
          const code = /\b(\d{6})\b/.exec(body)?.[1];
          if (code) this.latest.set(to, code);
        }
      }
    } finally {
      await fh.close();
    }
    const code = this.latest.get(mobile);
    if (!code) throw new Error(`no code for ${mobile} in the outbox`);
    this.latest.delete(mobile);
    return code;
  }
}

/**
 * Kept-alive node:http, not fetch: on this machine fetch (undici) took 2.3 ms per call against 0.8 ms for the same
 * POST over node:http (median of 280, load 4): the load generator's own time, which the raw floor does not pay.
 */
const agent = new Agent({ keepAlive: true });

function call(base: string, method: string, body: object): Promise<Record<string, unknown>> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) };
    const req = request(`${base}/api/${method}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(data);
  });
}

export type ResetTiming = { ms: number; steps: { start: number; identity: number; code: number; password: number } };

/** One complete reset; throws with the step and result code when a step fails. Returns its duration, per step too. */
export async function completeReset(
  base: string,
  user: BenchUser,
  password: string,
  codes: OutboxCodes,
): Promise<ResetTiming> {
  const t0 = performance.now();
  const expectOk = (step: string, r: Record<string, unknown>) => {
    if (r.ok !== true) throw new Error(`${user.username} ${step}: ${String(r.code)}`);
  };
  const start = await call(base, 'start', { username: user.username });
  expectOk('start', start);
  const sessionId = start.sessionId as string;
  const t1 = performance.now();
  expectOk('identity', await call(base, 'verifyIdentity', { sessionId, birthdate: user.birthdate }));
  const t2 = performance.now();
  expectOk('code', await call(base, 'verifyCode', { sessionId, code: await codes.codeFor(user.mobile) }));
  const t3 = performance.now();
  expectOk('password', await call(base, 'setPassword', { sessionId, password, repeat: password }));
  const t4 = performance.now();
  return { ms: t4 - t0, steps: { start: t1 - t0, identity: t2 - t1, code: t3 - t2, password: t4 - t3 } };
}

let serial = 0;
/** A new password each time (Samba keeps a history of 5, minimum age 0): upper, lower, digit, symbol, no name. */
export const freshPassword = (): string => `Kiosk#Rk-${process.pid % 1000}-${++serial}x`;
