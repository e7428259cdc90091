// A fake Twilio REST server on 127.0.0.1 for the REAL twilio SDK (node:http only): Messages (2010-04-01),
// Verify v2, and the read-only resources `doctor` uses. Shaped after twilio-node's own request and error handling (github.com/twilio/twilio-node, src/base/).
//   const fake = await startFakeTwilio();      fake.baseUrl → config sms.provider.baseUrl
//   fake.enqueue(twilioError(400, 21211, …))    overrides the NEXT request (FIFO); also {hang}, {trickle}, {raw}
//   fake.messages() / fake.codeTo(to)           what was "sent"; fake.reset(opts) forgets it (and the script)
import http from 'node:http';
import { randomBytes, randomInt } from 'node:crypto';
import { readCode } from '../../helpers/sms.js';

export type Scripted =
  | { status: number; body: unknown }
  | { status: number; raw: string; contentType?: string } // a body that is not JSON (proxy HTML)
  | { hang: true } // never answer: the client's timeout path
  | { trickle: true }; // headers, then one byte every 50 ms forever: defeats a socket-idle timeout

export type SeenRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  form: Record<string, string>;
};

export type FakeOptions = {
  /** Accepted Basic-auth pairs; default: anything (the SDK always sends one). */
  credentials?: { username: string; password: string }[];
  account?: { status?: string; type?: string };
  /** Numbers owned by the account (IncomingPhoneNumbers). */
  incomingNumbers?: string[];
  verifyCodeLength?: number;
  /** When set, VA…/MG… SIDs not listed are 404 (20404). */
  knownSids?: string[];
};

const sid = (prefix: string) => prefix + randomBytes(16).toString('hex');
const iso = () => new Date().toISOString();

/** Twilio's legacy error body → the SDK throws RestException {status, code, message, moreInfo} (twilio-node src/base/RestException.ts). */
export const twilioError = (status: number, code: number, message = `simulated ${code}`) => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});
/** RFC 9457 body → the SDK throws TwilioServiceException, which is not a RestException (twilio-node src/base/TwilioServiceException.ts). */
export const serviceError = (status: number, code: number, title = `simulated ${code}`) => ({
  status,
  body: { type: `https://www.twilio.com/docs/errors/${code}`, title, status, code, detail: title },
});

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;

export async function startFakeTwilio(initial: FakeOptions = {}) {
  let opts = initial;
  const requests: SeenRequest[] = [];
  const queue: Scripted[] = [];
  const sentCodes = new Map<string, string>();
  const open = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const known = (s: string) => !opts.knownSids || opts.knownSids.includes(s);

  const route = (req: SeenRequest): { status: number; body: unknown } => {
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    const authOk = opts.credentials
      ? opts.credentials.some((c) => `${c.username}:${c.password}` === auth)
      : auth.includes(':');
    if (!authOk) return twilioError(401, 20003, 'Authenticate');
    const { method, path, form } = req;
    let m: RegExpMatchArray | null;
    if (method === 'POST' && (m = path.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/)))
      return createMessage(m[1]!, form);
    if (method === 'POST' && (m = path.match(/^\/v2\/Services\/(VA\w+)\/Verifications$/)) && known(m[1]!)) {
      if (!form.To || !form.Channel) return twilioError(400, 60200, 'Invalid parameter');
      const code =
        sentCodes.get(form.To) ??
        String(randomInt(0, 10 ** (opts.verifyCodeLength ?? 6))).padStart(opts.verifyCodeLength ?? 6, '0');
      sentCodes.set(form.To, code); // a pending verification is re-sent with the same code, as Twilio does
      return {
        status: 201,
        body: {
          sid: sid('VE'),
          service_sid: m[1],
          to: form.To,
          channel: form.Channel,
          status: 'pending',
          valid: false,
          date_created: iso(),
          date_updated: iso(),
        },
      };
    }
    if (method === 'POST' && (m = path.match(/^\/v2\/Services\/(VA\w+)\/VerificationCheck$/)) && known(m[1]!)) {
      const expected = form.To ? sentCodes.get(form.To) : undefined;
      // No pending verification (expired / approved / never sent) → 404, code 20404 (twilio.com/docs/api/errors/20404).
      if (!expected)
        return twilioError(404, 20404, `The requested resource /Services/${m[1]}/VerificationCheck was not found`);
      const ok = form.Code === expected;
      if (ok) sentCodes.delete(form.To!);
      return {
        status: 200,
        body: {
          sid: sid('VE'),
          service_sid: m[1],
          to: form.To,
          channel: 'sms',
          status: ok ? 'approved' : 'pending',
          valid: ok,
          date_created: iso(),
          date_updated: iso(),
        },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/2010-04-01\/Accounts\/(AC\w+)\.json$/))) {
      return {
        status: 200,
        body: {
          sid: m[1],
          friendly_name: 'Fake account',
          status: opts.account?.status ?? 'active',
          type: opts.account?.type ?? 'Full',
          date_created: new Date().toUTCString(),
        },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/2010-04-01\/Accounts\/(AC\w+)\/IncomingPhoneNumbers\.json$/))) {
      const wanted = req.query.PhoneNumber;
      const numbers = (opts.incomingNumbers ?? [])
        .filter((n) => !wanted || n === wanted)
        .map((n) => ({ sid: sid('PN'), account_sid: m![1], phone_number: n, friendly_name: n }));
      return {
        status: 200,
        body: {
          incoming_phone_numbers: numbers,
          page: 0,
          page_size: 50,
          first_page_uri: path,
          next_page_uri: null,
          previous_page_uri: null,
          uri: path,
          start: 0,
          end: numbers.length,
        },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/v2\/Services\/(VA\w+)$/)) && known(m[1]!)) {
      return {
        status: 200,
        body: { sid: m[1], friendly_name: 'Pantein', code_length: opts.verifyCodeLength ?? 6, date_created: iso() },
      };
    }
    if (method === 'GET' && (m = path.match(/^\/v1\/Services\/(MG\w+)$/)) && known(m[1]!)) {
      return { status: 200, body: { sid: m[1], friendly_name: 'Pantein wachtwoord', date_created: iso() } };
    }
    return twilioError(404, 20404, `The requested resource ${path} was not found`);
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(raw)),
      };
      requests.push(seen);
      const next = queue.shift() ?? route(seen);
      if ('hang' in next) return void open.add(res);
      if ('trickle' in next) {
        open.add(res);
        res.writeHead(201, { 'Content-Type': 'application/json' });
        const t = setInterval(() => res.write(' '), 50);
        timers.add(t);
        return;
      }
      if ('raw' in next) {
        res.writeHead(next.status, { 'Content-Type': next.contentType ?? 'text/html' });
        return void res.end(next.raw);
      }
      res.writeHead(next.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };

  function createMessage(account: string, form: Record<string, string>) {
    if (!form.To) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!form.From && !form.MessagingServiceSid) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!/^\+[1-9]\d{6,14}$/.test(form.To))
      return twilioError(400, 21211, `The 'To' number ${form.To} is not a valid phone number.`);
    const now = new Date().toUTCString().replace('GMT', '+0000');
    return {
      status: 201,
      body: {
        sid: sid('SM'),
        account_sid: account,
        to: form.To,
        from: form.From ?? null,
        messaging_service_sid: form.MessagingServiceSid ?? null,
        body: form.Body ?? '',
        status: form.MessagingServiceSid ? 'accepted' : 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        date_created: now,
        date_updated: now,
        date_sent: null,
      },
    };
  }

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    sentCodes,
    enqueue: (...resp: Scripted[]) => void queue.push(...resp),
    /** Forms of the Messages.json POSTs (To, From|MessagingServiceSid, Body). */
    messages: () => requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json')).map((r) => r.form),
    /** The code the phone at `to` holds now: Verify's pending one, else the one in the newest text to it (Messaging). */
    codeTo: (to: string): string | undefined =>
      sentCodes.get(to) ?? readCode([...requests].reverse().find((r) => r.form.To === to && r.form.Body)?.form.Body),
    /** Forgets every request, code and scripted answer, and serves with `next` from now on (a test's clean slate). */
    reset: (next: FakeOptions = initial) => {
      opts = next;
      requests.length = 0;
      queue.length = 0;
      sentCodes.clear();
    },
    close: () => {
      for (const t of timers) clearInterval(t);
      for (const r of open) r.destroy();
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
