import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// axe-core checks text contrast in the pages (test/e2e/journeys/a11y.e2e.test.ts) but not the
// 3:1 of non-text (WCAG 1.4.11): switch tracks, control outlines, icons. This checks every pair
// of theme colours the stylesheets put together, in light and dark.
const css = readFileSync(join(import.meta.dirname, '../../src/renderer/styles/theme.css'), 'utf8');

function tokens(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]),
  );
}

const light = tokens(css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = {
  ...light,
  ...tokens(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))),
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function ratio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const BACKGROUNDS = ['bg', 'bg-raised', 'bg-sunken'];
/** Text colours, on every background. */
const TEXT = ['fg', 'fg-muted', 'accent-strong', 'ok', 'warn', 'danger'];
/** Non-text that must stand out from every background: outlines, off tracks, focus, on icons. */
const NON_TEXT = ['control-border', 'focus', 'accent-strong', 'on'];

describe.each([
  ['light', light],
  ['dark', dark],
] as const)('theme colours, %s', (_scheme, theme) => {
  const failing = (pairs: Array<[string, string]>, minimum: number) =>
    pairs
      .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: ratio(theme[fg]!, theme[bg]!) }))
      .filter((p) => p.ratio < minimum)
      .map((p) => `${p.pair}: ${p.ratio.toFixed(2)}`);

  it('text has 4.5:1 on every background, and on the accent', () => {
    const pairs = TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg] as [string, string]));
    expect(failing([...pairs, ['accent-fg', 'accent-strong']], 4.5)).toEqual([]);
  });

  it('control outlines, off switch tracks, focus rings and "on" icons have 3:1', () => {
    const pairs = NON_TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg] as [string, string]));
    // The white knob on the grey off track, the accent-coloured knob on the on track.
    expect(
      failing([...pairs, ['control-border', 'bg-raised'], ['accent-fg', 'accent-strong']], 3),
    ).toEqual([]);
    expect(ratio('#ffffff', theme['control-border']!)).toBeGreaterThanOrEqual(3);
  });
});
