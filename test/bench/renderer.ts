import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumPath } from '../e2e/chromium';
import { E2eHarness } from '../e2e/harness';
import { ensureRendererBuilt, RENDERER_OUT } from '../e2e/renderer-build';
import { percentile, type Figure } from './support/figures';

const PAGES = ['panel', 'settings'] as const;
const PAINTS = 5;

/** Gzipped bytes of a built page: its HTML and every script and stylesheet it loads at once. */
function pageBytesGzip(page: string): { bytes: number; files: number } {
  const html = readFileSync(join(RENDERER_OUT, `${page}.html`), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
  const files = [`${page}.html`, ...assets];
  return {
    bytes: files.reduce((sum, f) => sum + gzipSync(readFileSync(join(RENDERER_OUT, f))).length, 0),
    files: files.length,
  };
}

/** What the pages cost to load: their gzipped size and, with Chromium, the panel's first paint. */
export async function rendererBench(): Promise<Figure[]> {
  ensureRendererBuilt();
  const figures: Figure[] = PAGES.map((page) => {
    const { bytes, files } = pageBytesGzip(page);
    return {
      key: `renderer.bundleBytesGzip.${page}`,
      value: bytes,
      unit: 'B',
      samples: files,
      note: 'files',
    };
  });
  const chromium = chromiumPath();
  if (!chromium) return figures;
  const harness = await E2eHarness.start({ chromiumPath: chromium });
  try {
    const paints: number[] = [];
    for (let i = 0; i < PAINTS; i++) {
      const tab = await harness.open('panel');
      await tab.waitForSelector('.panel');
      paints.push(
        await tab.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        ),
      );
      await tab.close();
    }
    figures.push({
      key: 'renderer.panelFirstPaintMs',
      value: percentile(paints, 50),
      unit: 'ms',
      samples: paints.length,
      note: 'median, headless Chromium',
    });
  } finally {
    await harness.close();
  }
  return figures;
}
