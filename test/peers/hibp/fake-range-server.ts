// A fake of the Pwned Passwords range API on 127.0.0.1 (node:http only), for the breach check's tests:
// GET /range/{5 hex} answers "SUFFIX:COUNT" lines for the passwords it was given, padded with count-0 lines
// when the request says `Add-Padding: true` (as the real API does). It records every request, so a test can
// prove that only the 5-hex prefix left, and can be told to stall or fail.
import http from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export type FakeHibp = {
  baseUrl: string;
  requests: { url: string; headers: http.IncomingHttpHeaders; body: string }[];
  /**
   * What the next requests get: normal, a status code, no answer at all, or `flood`: a 200 whose body is
   * 300 MB of suffix-like lines, streamed in 64 KB chunks (one buffer, reused) every `floodEveryMs`.
   */
  mode: 'ok' | 'hang' | 'flood' | number;
  floodEveryMs: number;
  /** Bytes of the last flood actually written before the client went away. */
  flooded: number;
  close(): Promise<void>;
};

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex').toUpperCase();

export async function startFakeHibp(breached: Record<string, number>): Promise<FakeHibp> {
  const known = Object.entries(breached).map(([pw, count]) => [sha1(pw), count] as const);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      fake.requests.push({ url: req.url ?? '', headers: req.headers, body });
      if (fake.mode === 'hang') return; // the client's timeout must end it
      if (typeof fake.mode === 'number') return void res.writeHead(fake.mode).end();
      if (fake.mode === 'flood') return flood(res);
      const prefix = /^\/range\/([0-9A-F]{5})$/i.exec(req.url ?? '')?.[1]?.toUpperCase();
      if (!prefix) return void res.writeHead(400).end('The hash prefix was not in a valid format');
      const lines = known.filter(([h]) => h.startsWith(prefix)).map(([h, c]) => `${h.slice(5)}:${c}`);
      if (req.headers['add-padding'] === 'true')
        while (lines.length < 800) lines.push(`${randomBytes(18).toString('hex').slice(0, 35).toUpperCase()}:0`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end(lines.join('\r\n'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeHibp = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    mode: 'ok',
    floodEveryMs: 1,
    flooded: 0,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
  const CHUNK = Buffer.from(`${'A'.repeat(35)}:1\r\n`.repeat(Math.floor(65_536 / 39)));
  const TOTAL = 300 * 1024 * 1024;
  function flood(res: http.ServerResponse): void {
    fake.flooded = 0;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(TOTAL - (TOTAL % CHUNK.length)) });
    const tick = () => {
      if (res.destroyed || fake.flooded + CHUNK.length > TOTAL) return void res.end();
      fake.flooded += CHUNK.length;
      const more = res.write(CHUNK);
      if (more) setTimeout(tick, fake.floodEveryMs);
      else res.once('drain', () => setTimeout(tick, fake.floodEveryMs));
    };
    res.on('close', () => res.destroy());
    tick();
  }
  return fake;
}
