// The focus ring is its own colour (issue 24): an empty focused field must not look wrong. Checked both ways:
// the ring against every background it is drawn on (WCAG 1.4.11, at least 3:1), and the ring against the error
// red by hue (no dark colour reaches 3:1 against that red, so they must differ in kind, not only in lightness).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(process.cwd(), 'src-renderer/styles.css'), 'utf8');
const token = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!m) throw new Error(`--${name} not found in styles.css`);
  return m[1]!;
};
const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
// WCAG 2.x relative luminance and contrast ratio.
const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const hue = (hex: string) => {
  const [r, g, b] = rgb(hex);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
};

describe('the focus ring', () => {
  const focus = token('c-focus');
  it.each(['c-surface', 'c-bg', 'c-error-soft', 'c-brand-soft'])('stands out on --%s (≥ 3:1)', (bg) => {
    expect(contrast(focus, token(bg))).toBeGreaterThanOrEqual(3);
  });

  it('is not the error red, nor the brand colour: at least 90° of hue away from both', () => {
    const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));
    expect(apart(hue(focus), hue(token('c-error')))).toBeGreaterThanOrEqual(90);
    expect(apart(hue(focus), hue(token('c-brand')))).toBeGreaterThanOrEqual(40);
    console.log(
      `focus ${focus}: ${contrast(focus, '#ffffff').toFixed(1)}:1 on white; hue ${hue(focus).toFixed(0)}° vs error ${hue(token('c-error')).toFixed(0)}°`,
    );
  });
});
