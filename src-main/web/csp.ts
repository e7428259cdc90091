// The Content-Security-Policy of the wizard, shared by the web host and the Electron window.
// No inline script or style: Vite emits files, Svelte's scoped CSS lands in a stylesheet.
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
} as const;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${kebab(k)} ${v.join(' ')}`)
  .join('; ');
