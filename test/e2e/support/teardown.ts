// Removes the run's temp directory (host configs and SMS outboxes) made by prepareServers().
import { rmSync } from 'node:fs';

export default function teardown(): void {
  const dir = process.env.RK_E2E_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
