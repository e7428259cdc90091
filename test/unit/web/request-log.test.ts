// One log line per answered API request (method, route, status, duration, client) and never a body, a query
// string or a health check.
import { afterEach, expect, it } from 'vitest';
import { captureLog } from '../../helpers/log-capture.js';
import { webHost, type WebHost } from '../../helpers/web-host.js';

let host: WebHost | undefined;
afterEach(async () => host?.stop());

it('logs every API request with method, status and duration, and never the body', async () => {
  const log = captureLog();
  host = await webHost({ log });
  const { sessionId } = await host.walkTo('identity');
  await host.server.inject({
    method: 'POST',
    url: '/api/verifyIdentity?x=01-10-1984',
    payload: { sessionId, birthdate: '01-10-1984' },
  });
  await host.get('/healthz');
  await host.get('/readyz');
  await host.server.close();
  expect(log.records().filter((r) => r.msg === 'request')).toEqual([
    expect.objectContaining({
      level: 'info',
      method: 'POST',
      route: '/api/:method',
      api: 'start',
      status: 200,
      ms: expect.any(Number) as number,
      client: '127.0.0.1',
    }),
    expect.objectContaining({ api: 'verifyIdentity', status: 200 }),
  ]);
  expect(log.lines.join('\n')).not.toMatch(/01-10-1984|sessionId/);
});

it('names an unknown route "unmatched" and cuts a long method name', async () => {
  const log = captureLog();
  host = await webHost({ log });
  await host.get('/nowhere');
  await host.post('x'.repeat(100), {});
  expect(log.records().filter((r) => r.msg === 'request')).toEqual([
    expect.objectContaining({ method: 'GET', route: 'unmatched', status: 404 }),
    expect.objectContaining({ route: '/api/:method', api: 'x'.repeat(32), status: 404 }),
  ]);
});
