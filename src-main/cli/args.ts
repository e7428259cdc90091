// Reads one command's arguments strictly, on node:util parseArgs' tokens: an unknown option, a missing value or
// an argument too many is a UsageError with one line naming it (exit 2), never a stack trace.
// Also the two error kinds the CLI turns into one line, kept here so that --help loads nothing else.
import { parseArgs } from 'node:util';

export type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; value?: string; help: string };
export type Options = Record<string, OptionSpec>;
export type Parsed = {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  help: boolean;
};

/** A wrong command line: its message is the one line printed (exit 2). */
export class UsageError extends Error {}

/** A start-up failure the admin can fix (port in use, bad PORT/HOST/LOG_LEVEL): its message is the line (exit 1). */
export class StartError extends Error {}

/** `--help`/`-h` belong to every command; `maxPositionals` is how many plain arguments it takes. */
export function readArgs(argv: string[], options: Options, maxPositionals: number): Parsed {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, multiple: o.multiple ?? false }]),
  );
  const { tokens } = parseArgs({
    args: argv,
    options: { ...config, help: { type: 'boolean', short: 'h' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Parsed['values'] = {};
  const positionals: string[] = [];
  let help = false;
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    if (t.name === 'help') {
      help = true;
      continue;
    }
    const spec = options[t.name];
    if (!spec) throw new UsageError(`unknown option ${t.rawName}`);
    if (spec.type === 'boolean' && t.value !== undefined) throw new UsageError(`option ${t.rawName} takes no value`);
    if (spec.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-'))))
      throw new UsageError(`option ${t.rawName} needs a value`);
    const value = t.value ?? true;
    const before = values[t.name];
    if (spec.multiple) values[t.name] = [...(Array.isArray(before) ? before : []), String(value)];
    else values[t.name] = value;
  }
  if (!help && positionals.length > maxPositionals)
    throw new UsageError(`unexpected argument "${positionals[maxPositionals]}"`);
  return { values, positionals, help };
}

/**
 * `npm run doctor --user A.Janssen` (without `--`) gives `--user` to npm, which puts it in npm_config_user and passes
 * "A.Janssen" on as a plain argument. Inside that npm script, an npm_config_ variable named like one of our options
 * means exactly that: say so instead of silently running without it.
 */
export function optionsTakenByNpm(command: string, names: string[], env: NodeJS.ProcessEnv): string[] {
  if (env['npm_lifecycle_event'] !== command) return [];
  return [...names, 'help', 'version'].filter((n) => env[`npm_config_${n.replaceAll('-', '_')}`] !== undefined);
}
