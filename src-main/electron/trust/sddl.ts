// The DACL of a Windows security descriptor in SDDL, as `icacls <path> /save <file>` writes it (Microsoft:
// "Security Descriptor String Format", "ACE Strings", "SID Strings"). SIDs, not account names: the same on a
// Dutch Windows ("Gebruikers") as on an English one. Anything this parser does not know is an error, never a
// guess: the caller then refuses the file (fail closed).

export class SddlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SddlError';
  }
}

export type Ace = { type: string; flags: string[]; mask: number; sid: string };
/** nullDacl: "D:NO_ACCESS_CONTROL" (or no D: at all): everyone may do everything. */
export type Dacl = { nullDacl: boolean; aces: Ace[] };

/** Access-right abbreviations ("ACE Strings", rights field) and their masks. */
export const RIGHTS: Record<string, number> = {
  GA: 0x10000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GX: 0x20000000,
  RC: 0x20000,
  SD: 0x10000,
  WD: 0x40000,
  WO: 0x80000,
  RP: 0x10,
  WP: 0x20,
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  LO: 0x80,
  DT: 0x40,
  CR: 0x100,
  FA: 0x1f01ff,
  FR: 0x120089,
  FW: 0x120116,
  FX: 0x1200a0,
  KA: 0xf003f,
  KR: 0x20019,
  KW: 0x20006,
  KX: 0x20019,
  NR: 0x1,
  NW: 0x2,
  NX: 0x4,
};

/** Well-known SID aliases ("SID Strings"). Domain-relative ones (DA, DU, LA…) are kept as names: never trusted. */
export const SID_ALIASES: Record<string, string> = {
  AN: 'S-1-5-7',
  AO: 'S-1-5-32-548',
  AU: 'S-1-5-11',
  BA: 'S-1-5-32-544',
  BG: 'S-1-5-32-546',
  BO: 'S-1-5-32-551',
  BU: 'S-1-5-32-545',
  CG: 'S-1-3-1',
  CO: 'S-1-3-0',
  IU: 'S-1-5-4',
  LS: 'S-1-5-19',
  NO: 'S-1-5-32-556',
  NS: 'S-1-5-20',
  NU: 'S-1-5-2',
  OW: 'S-1-3-4',
  PO: 'S-1-5-32-550',
  PU: 'S-1-5-32-547',
  RC: 'S-1-5-12',
  RD: 'S-1-5-32-555',
  RE: 'S-1-5-32-552',
  RU: 'S-1-5-32-554',
  SO: 'S-1-5-32-549',
  SU: 'S-1-5-6',
  SY: 'S-1-5-18',
  WD: 'S-1-1-0',
  WR: 'S-1-5-33',
  AC: 'S-1-15-2-1',
  IS: 'S-1-5-32-568',
  LW: 'S-1-16-4096',
  ME: 'S-1-16-8192',
  HI: 'S-1-16-12288',
  DA: 'domain:DA',
  DU: 'domain:DU',
  DG: 'domain:DG',
  DC: 'domain:DC',
  DD: 'domain:DD',
  EA: 'domain:EA',
  SA: 'domain:SA',
  PA: 'domain:PA',
  CA: 'domain:CA',
  LA: 'domain:LA',
  LG: 'domain:LG',
};

const ACE_TYPES = new Set(['A', 'D', 'OA', 'OD', 'AU', 'AL', 'OU', 'OL', 'ML', 'XA', 'XD', 'ZA', 'XU', 'SP', 'RA']);
const ACE_FLAGS = new Set(['CI', 'OI', 'NP', 'IO', 'ID', 'SA', 'FA', 'TP', 'CR']);

const pairs = (s: string, what: string): string[] => {
  if (s.length % 2) throw new SddlError(`odd ${what} "${s}"`);
  return s.match(/../g) ?? [];
};

function parseRights(s: string): number {
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) return Number.parseInt(s.slice(2), 16);
  if (/^\d{1,10}$/.test(s)) return Number(s);
  let mask = 0;
  for (const p of pairs(s, 'rights')) {
    const bit = RIGHTS[p];
    if (bit === undefined) throw new SddlError(`unknown right "${p}"`);
    mask = (mask | bit) >>> 0;
  }
  return mask;
}

function parseSid(s: string): string {
  if (/^S-1(-\d+)+$/.test(s)) return s;
  const sid = SID_ALIASES[s];
  if (!sid) throw new SddlError(`unknown SID "${s}"`);
  return sid;
}

/** One "(type;flags;rights;guid;guid;sid[;condition])"; the condition may hold ';' in quotes, so split six times. */
function parseAce(body: string): Ace {
  const parts: string[] = [];
  let rest = body;
  for (let i = 0; i < 5; i++) {
    const at = rest.indexOf(';');
    if (at < 0) throw new SddlError(`ACE "${body}" has too few fields`);
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  const semi = rest.indexOf(';');
  parts.push(semi < 0 ? rest : rest.slice(0, semi));
  const [type, flags, rights, , , sid] = parts as [string, string, string, string, string, string];
  if (!ACE_TYPES.has(type)) throw new SddlError(`unknown ACE type "${type}"`);
  const f = pairs(flags, 'ACE flags');
  for (const x of f) if (!ACE_FLAGS.has(x)) throw new SddlError(`unknown ACE flag "${x}"`);
  return { type, flags: f, mask: parseRights(rights), sid: parseSid(sid) };
}

/** The ACE bodies after position `i` up to the next component (or the end), honouring nesting and quotes. */
function readAces(s: string, start: number): { aces: string[]; end: number } {
  const aces: string[] = [];
  let i = start;
  while (s[i] === '(') {
    let depth = 0;
    let quoted = false;
    let j = i;
    for (; j < s.length; j++) {
      const c = s[j];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === '(') depth++;
      else if (!quoted && c === ')' && --depth === 0) break;
    }
    if (j >= s.length) throw new SddlError('unbalanced parentheses');
    aces.push(s.slice(i + 1, j));
    i = j + 1;
  }
  return { aces, end: i };
}

/** The DACL of an SDDL string ("O:…G:…D:flags(ace)…S:…"); throws SddlError on anything unknown or malformed. */
export function parseDacl(sddl: string): Dacl {
  const s = sddl.trim();
  let dacl: Dacl | undefined;
  let i = 0;
  while (i < s.length) {
    const kind = s[i];
    if (!kind || !'OGDS'.includes(kind) || s[i + 1] !== ':') throw new SddlError(`unexpected "${s.slice(i, i + 12)}"`);
    i += 2;
    if (kind === 'O' || kind === 'G') {
      const m = /^(S-1(-\d+)+|[A-Z]{2})/.exec(s.slice(i));
      if (!m) throw new SddlError(`bad ${kind === 'O' ? 'owner' : 'group'} SID`);
      i += m[0].length;
      continue;
    }
    const flags = /^(P|AI|AR|NO_ACCESS_CONTROL)*/.exec(s.slice(i))![0];
    i += flags.length;
    const { aces, end } = readAces(s, i);
    i = end;
    if (kind === 'D') {
      if (dacl) throw new SddlError('two DACLs');
      dacl = { nullDacl: flags.includes('NO_ACCESS_CONTROL'), aces: aces.map(parseAce) };
    }
  }
  if (!dacl) throw new SddlError('no DACL (D:) in the security descriptor');
  return dacl;
}

/** The SDDL line of an `icacls /save` file: UTF-16 LE (with or without BOM) or UTF-8; a name line, then "D:…". */
export function extractSddl(raw: Buffer): string {
  let text: string;
  if (raw[0] === 0xff && raw[1] === 0xfe) text = raw.subarray(2).toString('utf16le');
  else if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) text = raw.subarray(3).toString('utf8');
  else if (raw.length >= 2 && raw[1] === 0) text = raw.toString('utf16le');
  else text = raw.toString('utf8');
  // A name line may itself start with a drive "D:\…"; the SDDL line starts "D:" + flags + "(" / "S:" / end.
  const line = text.split(/\r?\n/).find((l) => /^D:(P|AI|AR|NO_ACCESS_CONTROL)*(\(|S:|$)/.test(l));
  if (!line) throw new SddlError('no SDDL line in the icacls output');
  return line;
}
