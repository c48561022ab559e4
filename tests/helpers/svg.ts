/**
 * The lines' texts written after Satori (src/flyers/text-svg.ts) against Satori's own SVG: equal
 * but for the texts of lines wholly below the sheet, which Satori wrote off the page and which
 * are now not drawn. Shared by the flyers' and the 防災メモ's tests.
 */
import { expect } from 'vitest';

const TEXT = /<text x="[^"]*" y="([^"]*)"[^>]*>[^<]*<\/text>/g;

/**
 * How many of Satori's texts (`bySatori`, compacted) `ours` leaves out, each asserted to lie
 * below `height`, and the rest asserted equal; `label` names the sheet in a failure.
 */
export function textsLeftBelow(bySatori: string, ours: string, height: number, label: string): number {
  const missing = [...bySatori.matchAll(TEXT)].filter((m) => !ours.includes(m[0]));
  for (const m of missing) expect(Number(m[1]), `${label}: ${m[0]}`).toBeGreaterThan(height);
  expect(
    missing.reduce((svg, m) => svg.replace(m[0], ''), bySatori),
    label,
  ).toBe(ours);
  return missing.length;
}
