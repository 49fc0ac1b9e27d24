import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cruise, type IConfiguration } from 'dependency-cruiser';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Writes `files` (path -> source) into a fresh folder and cruises it with the project's rules. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-folders-'));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), source);
  }
  const result = await cruise(['src'], {
    ruleSet: { forbidden: config.forbidden },
    ...config.options,
    tsConfig: undefined,
    includeOnly: undefined,
    baseDir: dir,
    validate: true,
  });
  if (typeof result.output === 'string') throw new Error(result.output);
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('.dependency-cruiser.cjs: folders depend one way, in the direction of the layers', () => {
  it('flags two folders that import each other, though no file imports itself back', async () => {
    const violations = await violationsOf({
      'src/tray/menu.ts': "import { place } from '../windows/place';\nexport const menu = place;\n",
      'src/windows/place.ts':
        "import type { Icon } from '../tray/icon';\nexport const place = (i: Icon) => i;\n",
      'src/tray/icon.ts': 'export type Icon = string;\n',
    });
    expect(violations).toContain('no-folder-cycles: src/tray -> src/windows');
  });

  it('passes the same files once the shared type lives on one side', async () => {
    const violations = await violationsOf({
      'src/tray/menu.ts': "import { place } from '../windows/place';\nexport const menu = place;\n",
      'src/windows/place.ts': 'export type Icon = string;\nexport const place = (i: Icon) => i;\n',
    });
    expect(violations).toEqual([]);
  });

  it.each([
    [
      'shared-imports-no-side',
      'src/shared/words.ts',
      "import { x } from '../main/ha/x';\nexport const w = x;\n",
      'src/main/ha/x.ts',
    ],
    [
      'shared-imports-no-side',
      'src/shared/words.ts',
      "import { x } from '../renderer/x';\nexport const w = x;\n",
      'src/renderer/x.ts',
    ],
    [
      'pages-and-main-meet-only-through-the-contract',
      'src/renderer/page.ts',
      "import { x } from '../main/ha/x';\nexport const w = x;\n",
      'src/main/ha/x.ts',
    ],
    [
      'pages-and-main-meet-only-through-the-contract',
      'src/main/tray/menu.ts',
      "import { x } from '../../renderer/x';\nexport const w = x;\n",
      'src/renderer/x.ts',
    ],
    [
      'preload-imports-no-side',
      'src/preload/index.ts',
      "import { x } from '../main/ha/x';\nexport const w = x;\n",
      'src/main/ha/x.ts',
    ],
    [
      'ports-never-import-adapters',
      'src/main/tray/tray-host.ts',
      "import { x } from '../adapters/electron/x';\nexport const w = x;\n",
      'src/main/adapters/electron/x.ts',
    ],
  ])('%s: flags %s importing %s', async (rule, from, source, to) => {
    const violations = await violationsOf({ [from]: source, [to]: 'export const x = 1;\n' });
    expect(violations).toContain(`${rule}: ${from} -> ${to}`);
  });

  it('lets the composition root pick adapters, adapters implement ports, and every side use shared', async () => {
    const violations = await violationsOf({
      'src/main/index.ts':
        "import { a } from './adapters/electron/a';\nimport { s } from '../shared/s';\nexport const m = a + s;\n",
      'src/main/adapters/electron/a.ts':
        "import type { Port } from '../../tray/port';\nexport const a: Port = 1;\n",
      'src/main/tray/port.ts': 'export type Port = number;\n',
      'src/renderer/page.ts': "import { s } from '../shared/s';\nexport const p = s;\n",
      'src/preload/index.ts': "import { s } from '../shared/s';\nexport const q = s;\n",
      'src/shared/s.ts': 'export const s = 1;\n',
    });
    expect(violations).toEqual([]);
  });

  it('finds no folder cycle and no layer turned backwards in the app itself', async () => {
    const result = await cruise(['src'], {
      ruleSet: { forbidden: config.forbidden },
      ...config.options,
      validate: true,
    });
    if (typeof result.output === 'string') throw new Error(result.output);
    expect(result.output.summary.totalCruised).toBeGreaterThan(200);
    expect(result.output.summary.violations).toEqual([]);
  });
});
