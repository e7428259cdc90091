// `audit:verify FILE...`: checks each audit file's hash chain and prints one ✓/✗ line per file.
// Exit code 0 only when every file is intact, so it can run from a scheduled task or a monitoring check.
import { resolveAudit } from '../config/audit.js';
import { loadConfig } from '../config/load.js';
import { verifyAuditFile } from './verify.js';

/** Without FILE arguments, `--config PATH` names the file (this host's `audit.file`). */
export async function auditVerifyCommand(
  args: string[],
  configPath?: string,
  out: (line: string) => void = console.log,
): Promise<number> {
  const configured = args.length === 0 && configPath ? resolveAudit(loadConfig(configPath).audit)?.file : undefined;
  const files = configured ? [configured] : args;
  if (files.length === 0) {
    out('usage: audit:verify FILE [FILE...]   or   audit:verify --config PATH (checks its audit.file)');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const result = await verifyAuditFile(file).catch((e: Error) => ({
      ok: false as const,
      line: 0,
      reason: e.message,
      records: 0,
    }));
    if (result.ok) {
      out(
        `✓ ${file}: ${result.records} record${result.records === 1 ? '' : 's'}, chain intact (hosts: ${result.hosts.join(', ') || '-'}; last hash ${result.lastHash})`,
      );
    } else {
      failed++;
      const where = result.line > 0 ? `line ${result.line}` : 'cannot read';
      out(
        `✗ ${file}: ${where}: ${result.reason}. The ${result.records} lines before it are intact; compare this file with its backup.`,
      );
    }
  }
  return failed ? 1 : 0;
}
