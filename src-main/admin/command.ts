// `admin status|unblock --user NAME | --account ID`, `admin health`: the servicedesk's client for the admin
// listener, so nobody needs curl. URL from --url, RESET_KIOSK_ADMIN_URL or the config's admin section; the token
// from RESET_KIOSK_ADMIN_TOKEN (or `_FILE`, or the variable named by --token-env). A private CA for an HTTPS
// listener goes in NODE_EXTRA_CA_CERTS.
import { parseArgs } from 'node:util';
import { loadConfig, readSecret } from '../config/load.js';
import { DEFAULT_ADMIN_TOKEN_ENV } from '../config/admin.js';
import { localTime, STEP_LABEL } from '../audit/search-command.js';
import { safe } from '../safe-text.js';
import type { PersonStatus } from './person.js';

const USAGE =
  'usage: admin status|unblock --user NAME | --account OBJECTGUID   or   admin health   [--url URL | --config PATH] [--token-env VAR] [--insecure]';

const inWords = (iso: string, now: number) => {
  const min = Math.max(1, Math.floor((Date.parse(iso) - now) / 60_000));
  return min >= 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`;
};

/** The listener's answer as lines; every value from outside made safe for a terminal (safe-text.ts). */
export function formatStatus(s: PersonStatus, now = Date.now()): string[] {
  const a =
    s.account === 'directory_unavailable' || !s.account
      ? s.account
      : { ...s.account, username: safe(s.account.username), id: safe(s.account.id) };
  s = { ...s, name: s.name === null ? null : safe(s.name) };
  const yes = (b: boolean) => (b ? 'yes' : 'NO');
  const out = [
    a === 'directory_unavailable'
      ? `${s.name}: the directory did not answer (account details unknown)`
      : a
        ? `${a.username} (${a.id}): ${a.disabled ? 'DISABLED in the directory' : 'enabled'}; birthdate on file: ${yes(a.birthdateOnFile)}; usable mobile: ${yes(a.mobileUsable)}`
        : `${s.name ?? '(account id only)'}: no such account in the directory (budgets are kept for typed names too)`,
    s.blocked ? 'BLOCKED' : 'not blocked',
  ];
  if (s.sameDateAgain > 0)
    out.push(
      `same birthdate typed again ${s.sameDateAgain}x (counted once): her date is likely right; check the mobile and the account above`,
    );
  for (const b of s.budgets) {
    const left = b.limit - b.used;
    const when = b.until
      ? b.blocked
        ? `, blocked until ${localTime(b.until)} (in ${inWords(b.until, now)})`
        : `, window ends ${localTime(b.until)}`
      : '';
    out.push(`  ${safe(b.kind).padEnd(16)} ${safe(b.key).padEnd(20)} ${b.used}/${b.limit} used, ${left} left${when}`);
  }
  out.push(s.recent.length ? 'latest events (7 days):' : 'no audit events in the last 7 days');
  for (const e of s.recent)
    out.push(
      `  ${localTime(e.ts)}  ${safe(e.host)}  ${safe(STEP_LABEL[e.step] ?? e.step).padEnd(9)} ${safe(e.outcome).padEnd(24)} [${safe(e.client)}]`,
    );
  return out;
}

export async function adminCommand(
  argv: string[],
  out: (line: string) => void = console.log,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        user: { type: 'string' },
        account: { type: 'string' },
        url: { type: 'string' },
        config: { type: 'string' },
        'token-env': { type: 'string' },
        insecure: { type: 'boolean' },
      },
    });
  } catch (e) {
    out(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const {
    values: v,
    positionals: [action],
  } = parsed;
  const personal = action === 'status' || action === 'unblock';
  if (!(personal || action === 'health') || (personal && !v.user && !v.account)) return (out(USAGE), 2);
  let base = v.url ?? env['RESET_KIOSK_ADMIN_URL'];
  if (!base && v.config) {
    const a = loadConfig(v.config).admin;
    base = `${a.tls ? 'https' : 'http'}://${a.host.includes(':') ? `[${a.host}]` : a.host}:${a.port}`;
  }
  base ??= 'http://127.0.0.1:8081';
  // The bearer token never goes in clear over a network: http:// only to this machine, unless --insecure.
  let target: URL;
  try {
    target = new URL(base);
  } catch {
    return (out(`not a URL: ${safe(base)}`), 2);
  }
  const loopback = ['localhost', '[::1]'].includes(target.hostname) || /^127\.\d+\.\d+\.\d+$/.test(target.hostname);
  if (target.protocol === 'http:' && !loopback && !v.insecure)
    return (
      out(
        `refused: ${safe(base)} is plain http to another machine, which would send the token readable on the network. Use https:// (or --insecure if you must)`,
      ),
      2
    );
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return (out(`refused: ${safe(base)} is not http(s)`), 2);
  const tokenEnv = v['token-env'] ?? DEFAULT_ADMIN_TOKEN_ENV;
  const token = readSecret(tokenEnv, env);
  if (!token) return (out(`set ${tokenEnv} (or ${tokenEnv}_FILE) to your admin token`), 2);

  const query = { ...(v.user ? { user: v.user } : {}), ...(v.account ? { account: v.account } : {}) };
  const headers = {
    authorization: `Bearer ${token}`,
    ...(action === 'unblock' ? { 'content-type': 'application/json' } : {}),
  };
  const url =
    action === 'status' ? `${base}/admin/status?${new URLSearchParams(query).toString()}` : `${base}/admin/${action}`;
  let res: Response;
  try {
    // redirect: 'error': a redirect (to another host, to http) would carry the token where it was not sent.
    res = await fetch(url, {
      method: action === 'unblock' ? 'POST' : 'GET',
      headers,
      redirect: 'error',
      ...(action === 'unblock' ? { body: JSON.stringify(query) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (e) {
    const why = (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message;
    if (/redirect/i.test(why))
      return (out(`refused: ${safe(base)} answered with a redirect; the token is not sent on`), 1);
    out(`cannot reach the admin listener at ${safe(base)}: ${safe(why)}`);
    return 1;
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 401) return (out(`refused: the token in ${tokenEnv} is not accepted`), 1);
  if (res.status === 403)
    return (out(`refused: the token in ${tokenEnv} may not ${action} (its scopes in admin.tokens)`), 1);
  if (res.status === 429) return (out(`too many requests: try again in ${res.headers.get('retry-after') ?? 'a'} s`), 1);
  if (action === 'health') {
    out(`${body.ok ? 'ready' : 'NOT READY'} (up ${Number(body.uptimeSeconds)} s)`);
    for (const [name, state] of Object.entries((body.checks ?? {}) as Record<string, string>))
      out(`  ${state === 'ok' ? '✓' : '✗'} ${safe(name)}`);
    for (const line of (body.describe ?? []) as string[]) out(`  ${safe(String(line))}`);
    return body.ok ? 0 : 1;
  }
  if (!res.ok || body.ok !== true)
    return (out(`failed: HTTP ${res.status} ${typeof body.code === 'string' ? body.code : ''}`), 1);
  if (action === 'unblock') out('budgets cleared; now:');
  for (const line of formatStatus(body as unknown as PersonStatus)) out(line);
  return 0;
}
