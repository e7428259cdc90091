// Test helper: a browser for the servicedesk API over fastify's inject — it keeps the cookies the server sets
// (session and CSRF secret) and sends the CSRF token the page would, so a test reads like an agent's clicks.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export class DeskBrowser {
  readonly cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private readonly server: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.keep(
      await this.server.inject({
        method: 'GET',
        url: `/desk/api/${url}`,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader() },
      }),
    );
  }

  /** POST with the CSRF token (unless `csrf: false`). */
  async post(url: string, body: object, opts: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), 'content-type': 'application/json' };
    if (opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    return this.keep(
      await this.server.inject({
        method: 'POST',
        url: `/desk/api/${url}`,
        remoteAddress: this.ip,
        headers,
        payload: JSON.stringify(body),
      }),
    );
  }

  /** Opens the page (session + token), then signs in; the answer's JSON. */
  async signIn(username: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
    this.csrf = (await this.get('session')).json<{ csrf: string }>().csrf;
    const res = await this.post('signin', { username, password });
    const body = res.json<Record<string, unknown>>();
    if (typeof body.csrf === 'string') this.csrf = body.csrf;
    return { status: res.statusCode, body };
  }
}
