// The page's calls to /desk/api: same origin, the session cookie goes by itself, the CSRF token in a header on
// every change. An answer's `code` is what the page explains (i18n.ts); the session's end shows the sign-in.
export type Role = 'servicedesk' | 'auditor';
export type Agent = { account: string; displayName: string; role: Role };
export type Answer<T> = ({ ok: true } & T) | { ok: false; code: string; retryAfterSeconds?: number; status: number };

let csrf = '';
export const setCsrf = (token: string) => (csrf = token);

async function call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(`api/${path}`, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {},
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    return { ok: false, code: 'network', status: 0 };
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (typeof json.csrf === 'string') csrf = json.csrf;
  if (res.ok && json.ok === true) return json as { ok: true } & T;
  return {
    ok: false,
    code: typeof json.code === 'string' ? json.code : 'internal',
    status: res.status,
    ...(typeof json.retryAfterSeconds === 'number' ? { retryAfterSeconds: json.retryAfterSeconds } : {}),
  };
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body: object) => call<T>('POST', path, body);

export type Budget = { kind: string; key: string; used: number; limit: number; blocked: boolean; until: string | null };
export type Person = {
  name: string | null;
  account:
    | { username: string; disabled: boolean; birthdateOnFile: boolean; mobileUsable: boolean }
    | null
    | 'directory_unavailable';
  blocked: boolean;
  budgets: Budget[];
  recent: { ts: string; host: string; step: string; outcome: string; client: string }[];
  locked: boolean | undefined;
  mobileEnds: string | null;
  verified: boolean;
};
