import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { parse } from 'yaml';
import type { TrayIconName } from '../../src/main/tray/tray-host';
import { trayIconDir } from '../../src/main/tray/tray-icon-dir';
import { trayIconFile } from '../../src/main/tray/tray-icon-file';

/**
 * Only what runs is packed: the built code, no node_modules. It measured 2.13 MB (main 1.0 MB,
 * renderer 0.9 MB, preload 0.2 MB) when set; the bound leaves room to grow, not to regress.
 */
export const MAX_ASAR_BYTES = 3 * 1024 * 1024;

/** What the app loads from app.asar at run time. */
const REQUIRED_IN_ASAR = [
  '/package.json',
  '/out/main/index.js',
  '/out/preload/index.js',
  '/out/renderer/settings.html',
  '/out/renderer/panel.html',
];

/** What must never ship: sources, tests, source maps, fixtures, secrets, unbundled modules. */
const FORBIDDEN_IN_ASAR: Array<[RegExp, string]> = [
  [/\.map$/, 'a source map'],
  [/\.tsx?$/, 'a TypeScript source'],
  [/^\/(src|test|scripts|docs)\//, 'a source or test folder'],
  [/\.(test|spec|e2e)\.[cm]?[jt]sx?$/, 'a test'],
  [/\/(__fixtures__|fixtures?)\//, 'a fixture'],
  [/\/\.env(\.|$)/, 'an .env file'],
  [/\/node_modules\//, 'a node module (main bundles its dependencies)'],
];

export interface BuilderConfig {
  electronFuses?: Record<string, boolean>;
  mac?: { icon?: string; extendInfo?: Record<string, unknown> };
  win?: { icon?: string };
  linux?: { executableName?: string; icon?: string };
}

export interface PackageReport {
  problems: string[];
  asarBytes: number;
  asarFiles: number;
  rendererBytes: number;
}

/** Checks an `electron-builder --dir --linux` output against what the app needs at run time. */
export async function inspectPackage(
  projectDir: string,
  unpackedDir: string,
): Promise<PackageReport> {
  const problems: string[] = [];
  const config = parse(
    readFileSync(join(projectDir, 'electron-builder.yml'), 'utf8'),
  ) as BuilderConfig;
  const resources = join(unpackedDir, 'resources');
  const asar = join(resources, 'app.asar');
  if (!existsSync(asar))
    return { problems: [`${asar} is missing`], asarBytes: 0, asarFiles: 0, rendererBytes: 0 };

  const entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  const files = new Set(entries);
  for (const required of REQUIRED_IN_ASAR)
    if (!files.has(required)) problems.push(`app.asar lacks ${required}`);
  for (const entry of entries) {
    const forbidden = FORBIDDEN_IN_ASAR.find(([pattern]) => pattern.test(entry));
    if (forbidden) problems.push(`app.asar holds ${forbidden[1]}: ${entry}`);
  }
  const asarBytes = statSync(asar).size;
  if (asarBytes > MAX_ASAR_BYTES)
    problems.push(`app.asar is ${mb(asarBytes)}, more than ${mb(MAX_ASAR_BYTES)}`);

  problems.push(...missingTrayIcons(resources));
  problems.push(...badAppIcons(projectDir, config));
  problems.push(...macLocalNetworkProblems(config));
  problems.push(...(await fuseMismatches(config, unpackedDir, projectDir)));

  const rendererBytes = renderedSize(join(projectDir, 'out', 'renderer'));
  return { problems, asarBytes, asarFiles: entries.length, rendererBytes };
}

/** Typed as a record so that a new icon state must be added here too. */
const TRAY_ICON_NAMES = Object.keys({
  connected: true,
  connecting: true,
  error: true,
  disconnected: true,
} satisfies Record<TrayIconName, true>) as TrayIconName[];

/**
 * Every file the app can ask for (tray-icon-file.ts: each state with and without the attention
 * dot, light and dark, on each platform, PNGs also @2x for HiDPI screens).
 */
export function expectedTrayIcons(): string[] {
  const files = TRAY_ICON_NAMES.flatMap((name) =>
    [false, true].flatMap((attention) =>
      [false, true].flatMap((dark) =>
        (['linux', 'darwin', 'win32'] as const).map((platform) =>
          basename(trayIconFile('', { name, attention, dark }, platform)),
        ),
      ),
    ),
  );
  const hiDpi = files
    .filter((file) => file.endsWith('.png'))
    .map((f) => f.replace(/\.png$/, '@2x.png'));
  return [...new Set([...files, ...hiDpi])].toSorted();
}

/** Every tray icon the app can show must be where the installed app looks for it. */
function missingTrayIcons(resources: string): string[] {
  const packedDir = trayIconDir({ isPackaged: true, resourcesPath: resources, appPath: '' });
  return expectedTrayIcons()
    .filter((name) => !existsSync(join(packedDir, name)))
    .map((name) => `tray icon ${name} is not in ${packedDir}`);
}

/** The installers' app icons: a macOS .icns, a Windows .ico, a Linux NxN.png set. */
/**
 * The macOS build's Info.plist (electron-builder.yml `mac.extendInfo`, read from the configuration
 * since this check packs for Linux): without NSLocalNetworkUsageDescription macOS 15 refuses the
 * discovery's multicast outright, and without `_home-assistant._tcp` in NSBonjourServices it
 * refuses to browse that type.
 */
export function macLocalNetworkProblems(config: BuilderConfig): string[] {
  const info = config.mac?.extendInfo ?? {};
  const problems: string[] = [];
  const usage = info.NSLocalNetworkUsageDescription;
  if (typeof usage !== 'string' || usage.trim() === '')
    problems.push('electron-builder.yml mac.extendInfo has no NSLocalNetworkUsageDescription');
  const services = info.NSBonjourServices;
  if (!Array.isArray(services) || !services.includes('_home-assistant._tcp'))
    problems.push(
      'electron-builder.yml mac.extendInfo.NSBonjourServices lacks _home-assistant._tcp',
    );
  return problems;
}

function badAppIcons(projectDir: string, config: BuilderConfig): string[] {
  const starts = (file: string | undefined, magic: Buffer, what: string) => {
    const path = file && join(projectDir, file);
    if (!path || !existsSync(path)) return [`electron-builder.yml names no ${what} that exists`];
    return readFileSync(path).subarray(0, magic.length).equals(magic)
      ? []
      : [`${file} is not ${what}`];
  };
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  const linuxIcons = config.linux?.icon;
  return [
    ...starts(config.mac?.icon, Buffer.from('icns'), 'a macOS .icns icon'),
    ...starts(config.win?.icon, Buffer.from([0, 0, 1, 0]), 'a Windows .ico icon'),
    ...['256x256.png', '512x512.png'].flatMap((name) =>
      starts(linuxIcons && join(linuxIcons, name), png, `a Linux ${name}`),
    ),
  ];
}

async function fuseMismatches(
  config: BuilderConfig,
  unpackedDir: string,
  projectDir: string,
): Promise<string[]> {
  const { name } = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    name: string;
  };
  const binary = join(unpackedDir, config.linux?.executableName ?? name);
  if (!existsSync(binary)) return [`the app executable ${binary} is missing`];
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  return Object.entries(config.electronFuses ?? {}).flatMap(([key, wanted]) => {
    const fuse =
      FuseV1Options[(key[0]!.toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options];
    if (fuse === undefined) return [`electron-builder.yml names an unknown fuse ${key}`];
    const actual = wire[fuse] === 49;
    return actual === wanted
      ? []
      : [`fuse ${key} is ${actual ? 'on' : 'off'}, configured ${wanted ? 'on' : 'off'}`];
  });
}

function renderedSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
