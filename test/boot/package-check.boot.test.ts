import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPackage } from '@electron/asar';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  expectedTrayIcons,
  inspectPackage,
  MAX_ASAR_BYTES,
} from '../../scripts/package-check/inspect';
import { PROJECT_DIR } from './built-main';

describe('the packaging check', () => {
  const copies: string[] = [];
  /** A copy of electron-builder's output to break. */
  const copyOfPackage = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ha-tray-package-copy-'));
    copies.push(dir);
    cpSync(inject('unpackedDir'), dir, { recursive: true });
    return dir;
  };
  afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('passes the app electron-builder makes: code, pages, icons and fuses in place, under 3 MB', async () => {
    const report = await inspectPackage(PROJECT_DIR, inject('unpackedDir'));
    expect(report.problems).toEqual([]);
    expect(report.asarBytes).toBeLessThanOrEqual(MAX_ASAR_BYTES);
    expect(report.asarFiles).toBeLessThan(50);
  });

  it('fails when the tray icons are not where the installed app looks', async () => {
    const copy = copyOfPackage();
    renameSync(join(copy, 'resources', 'tray'), join(copy, 'resources', 'icons'));
    const { problems } = await inspectPackage(PROJECT_DIR, copy);
    expect(problems).toContain(
      `tray icon connected.png is not in ${join(copy, 'resources', 'tray')}`,
    );
  });

  it('expects the dark tray icons (light on a dark panel) and fails when one is missing', async () => {
    expect(expectedTrayIcons()).toEqual(
      expect.arrayContaining(['connected-dark.png', 'connected-dark@2x.png', 'connected-dark.ico']),
    );
    const copy = copyOfPackage();
    rmSync(join(copy, 'resources', 'tray', 'error-attention-dark@2x.png'));
    const { problems } = await inspectPackage(PROJECT_DIR, copy);
    expect(problems).toEqual([
      `tray icon error-attention-dark@2x.png is not in ${join(copy, 'resources', 'tray')}`,
    ]);
  });

  it('fails when app.asar grows past its bound', async () => {
    const copy = copyOfPackage();
    const contents = join(copy, 'contents');
    cpSync(join(inject('packagedResources'), 'app.asar'), contents, { recursive: true });
    writeFileSync(join(contents, 'out', 'renderer', 'huge.bin'), Buffer.alloc(MAX_ASAR_BYTES));
    await createPackage(contents, join(copy, 'resources', 'app.asar'));
    const { problems } = await inspectPackage(PROJECT_DIR, copy);
    expect(problems).toEqual([
      expect.stringMatching(/^app\.asar is [\d.]+ MB, more than 3\.00 MB$/),
    ]);
  });

  it('fails on a source map, a test or an .env file inside app.asar', async () => {
    const copy = copyOfPackage();
    const contents = join(copy, 'contents');
    cpSync(join(inject('packagedResources'), 'app.asar'), contents, { recursive: true });
    writeFileSync(join(contents, 'out', 'main', 'index.js.map'), '{}');
    writeFileSync(join(contents, 'out', 'main', 'vault.test.js'), '');
    writeFileSync(join(contents, '.env'), 'TOKEN=x');
    await createPackage(contents, join(copy, 'resources', 'app.asar'));
    const { problems } = await inspectPackage(PROJECT_DIR, copy);
    expect(problems).toEqual([
      'app.asar holds an .env file: /.env',
      'app.asar holds a source map: /out/main/index.js.map',
      'app.asar holds a test: /out/main/vault.test.js',
    ]);
  });

  it('fails when a fuse differs from electron-builder.yml', async () => {
    const copy = copyOfPackage();
    await flipFuses(join(copy, 'ha-tray'), {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: true,
    });
    const { problems } = await inspectPackage(PROJECT_DIR, copy);
    expect(problems).toEqual(['fuse runAsNode is on, configured off']);
  });
});
