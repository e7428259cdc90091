// Percentiles and a plain-text table for the benchmark report.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);
export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export type Row = { measure: string; value: string; target: string; ok: boolean | null; note?: string };

export function table(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.ok === null ? '·' : r.ok ? '✓' : '✗', r.measure, r.value, r.target, r.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...cells.map((c) => c[i]!.length), ['', 'measure', 'value', 'target'][i]!.length),
  );
  const line = (c: string[]) =>
    c
      .map((v, i) => (i < 4 ? v.padEnd(widths[i]!) : v))
      .join('  ')
      .trimEnd();
  return [
    line(['', 'measure', 'value', 'target', 'note']),
    line(widths.map((w) => '-'.repeat(w)).concat('----')),
    ...cells.map(line),
  ].join('\n');
}
