// The metrics registry, fed by the audit stream (core events) and reading the directory pool and the SIEM queue.
// prom-client loads only here, and only when the admin listener (which serves /metrics) is on.
import type { Directory } from '../core/ports/directory.js';
import type { Metrics, PoolSnapshot } from './metrics.js';

/** A Metrics registry watching the directory's pool (the AD adapter's; the demo has none) and the SIEM queue. */
export async function collectMetrics(
  directory: Directory,
  forwarder: { stats: { sent: number; dropped: number; connected: boolean }; queued: number } | undefined,
  processMetrics: boolean,
): Promise<Metrics> {
  const metrics = new (await import('./metrics.js')).Metrics({ processMetrics });
  const pooled = directory as Partial<{ poolStats: PoolSnapshot }>; // the AD adapter's pool; the demo has none
  metrics.watch({
    ...('poolStats' in pooled ? { pool: () => pooled.poolStats } : {}),
    ...(forwarder ? { siem: () => ({ ...forwarder.stats, queued: forwarder.queued }) } : {}),
  });
  return metrics;
}
