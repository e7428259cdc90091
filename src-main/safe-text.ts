// Text from outside (a typed account name, a client address from X-Forwarded-For, an sAMAccountName such as
// "c\u009b31mX" or "ab\u202egpj.exe", which AD and Samba accept) is shown on terminals (`audit:search`,
// `admin status`, `report`) and sent to the SIEM. A C1 control (U+009B is a terminal's CSI), a C0 control (ESC,
// CR, BS) or a bidi override (U+202E, Trojan Source: CVE-2021-42574) would let such a value rewrite what an
// operator sees. Every one is shown as a visible escape, `\u{202e}`; a backslash as `\\` so escapes stay
// unambiguous. Everything else, accents included, is left as it is.

// C0 and DEL, C1, and the bidi controls (Unicode UAX #9: ALM, LRM, RLM, LRE–RLO, LRI–PDI), and the line and
// paragraph separators, which some terminals and SIEM parsers treat as a new line.
const CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029';
const UNSAFE = new RegExp(`[${CONTROLS}\\\\]`, 'gu');
const UNSAFE_CONTROLS = new RegExp(`[${CONTROLS}]`, 'gu');
const escape = (c: string) => (c === '\\' ? '\\\\' : `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);

/** For a terminal: controls, bidi controls and the backslash escaped. */
export function safeText(value: string): string {
  return value.replace(UNSAFE, escape);
}

/** For a format with its own backslash escaping (RFC 5424 PARAM-VALUE): controls and bidi controls only. */
export function escapeControls(value: string): string {
  return value.replace(UNSAFE_CONTROLS, escape);
}

/** A value, or `-` for null/undefined, made safe. */
export const safe = (value: string | null | undefined): string =>
  value === null || value === undefined ? '-' : safeText(value);
