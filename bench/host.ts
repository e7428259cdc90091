// A web host in its own process for the benchmark, so the load generator does not share its CPU and its memory
// can be measured alone. Config and limits come as JSON in BENCH_HOST; it reports its port, then answers
// {mem} (after a forced GC when run with --expose-gc) and {stop} over IPC.
import { createApp } from '../src-main/app.js';
import { parseConfig } from '../src-main/config/load.js';
import { silentLogger } from '../src-main/core/ports/log.js';
import type { AllLimits } from '../src-main/core/throttle.js';
import { buildServer } from '../src-main/web/server.js';

type HostSpec = { config: unknown; limits: AllLimits; rendererDir?: string };

const spec = JSON.parse(process.env.BENCH_HOST ?? '{}') as HostSpec;
const app = await createApp(parseConfig(spec.config, 'bench config'), silentLogger, { limits: spec.limits });
const server = await buildServer(app, { rendererDir: spec.rendererDir, log: silentLogger });
const url = await server.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ url });

process.on('message', (msg: { type: string }) => void onMessage(msg));
async function onMessage(msg: { type: string }): Promise<void> {
  if (msg.type === 'mem') {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.send?.({ mem: { rss: m.rss, heapUsed: m.heapUsed } });
  } else if (msg.type === 'stop') {
    await server.close();
    await app.close();
    process.exit(0);
  }
}
