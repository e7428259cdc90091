// The kiosk's own command-line flags (Chromium's switches are ignored here; fuses disable --inspect and
// NODE_OPTIONS in the packaged app). `--dev` only counts in an unpackaged app: an installed kiosk is always locked.
export type KioskArgs = { dev: boolean; config: string | undefined };

export function parseKioskArgs(argv: readonly string[], isPackaged: boolean): KioskArgs {
  let config: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--config') config = argv[i + 1];
    else if (a.startsWith('--config=')) config = a.slice('--config='.length);
  }
  return { dev: !isPackaged && argv.includes('--dev'), config: config || undefined };
}
