// The servicedesk e2e host: config, ports, outbox and a seeded audit trail, made once in the runner process and
// found again by the workers through the environment (Playwright loads the config in every worker).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedTrail } from './seed.js';

export type DeskHost = {
  dir: string;
  configFile: string;
  outbox: string;
  audit: string;
  wizardPort: number;
  adminPort: number;
  wizardUrl: string;
  adminUrl: string;
};

function freePort(): number {
  const script =
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

export function deskHost(env: NodeJS.ProcessEnv = process.env): DeskHost {
  if (!env.RK_DESK_E2E) {
    const dir = mkdtempSync(join(tmpdir(), 'rk-desk-e2e-'));
    const wizardPort = freePort();
    const adminPort = freePort();
    const audit = join(dir, 'audit-e2e.jsonl');
    seedTrail(audit);
    const config = {
      security: { identityFloorMs: 20 },
      audit: { file: join(dir, 'audit-{host}.jsonl'), host: 'e2e' },
      admin: { enabled: true, port: adminPort, rateLimit: { points: 5000, durationSeconds: 60 } },
      desk: { enabled: true, smsPrice: 0.08 },
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    env.RK_DESK_E2E = JSON.stringify({
      dir,
      configFile,
      outbox: join(dir, 'outbox.jsonl'),
      audit,
      wizardPort,
      adminPort,
    });
  }
  const h = JSON.parse(env.RK_DESK_E2E) as Omit<DeskHost, 'wizardUrl' | 'adminUrl'>;
  return { ...h, wizardUrl: `http://127.0.0.1:${h.wizardPort}`, adminUrl: `http://127.0.0.1:${h.adminPort}` };
}
