import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Manifest {
  author?: string;
  homepage?: string;
  engines?: { node?: string };
}
const manifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const own = manifest('package.json');
const installed = (name: string) => manifest(join('node_modules', name, 'package.json'));
const readme = readFileSync('README.md', 'utf8');

/** ">= 22.12.0" -> "22.12": the lowest version a simple `>=` range admits. */
function minimum(range: string): string {
  const match = range.match(/^>=\s*(\d+)\.(\d+)\.\d+$/);
  if (!match) throw new Error(`Not a simple >= range: ${range}`);
  return `${match[1]}.${match[2]}`;
}

/** Ranges written alike: `>=24.0.0` and `>=24` are one range. */
const normalise = (range: string) => range.replace(/(\d+)\.0\.0\b/g, '$1');

describe('what Node.js the README asks for is what the packages declare', () => {
  it('npm start: the Node.js Electron and its downloader declare', () => {
    const electron = minimum(installed('electron').engines!.node!);
    expect(minimum(installed('@electron/get').engines!.node!)).toBe(electron);
    expect(readme).toMatch(
      new RegExp(`\\| \`npm start\`, \`npm run package\` +\\| \\*\\*${electron}\\*\\* or newer`),
    );
    expect(readme).toContain(`declare \`engines.node >= ${electron}\``);
  });

  it('npm test: engines in package.json is the range the narrowest test tools declare', () => {
    const range = own.engines!.node!;
    for (const tool of ['eslint', 'jsdom'])
      expect(normalise(installed(tool).engines!.node!), tool).toBe(normalise(range));
    expect(readme).toContain(`\`${range.replaceAll('||', '\\|\\|')}\`), which is \`engines\``);
  });
});

describe('the .deb maintainer', () => {
  it('comes from package.json author, with the homepage electron-builder needs for a .deb', () => {
    const builder = JSON.stringify(parse(readFileSync('electron-builder.yml', 'utf8')));
    expect(builder).not.toMatch(/maintainer|vendor|homepage/i);
    expect(own.author).toMatch(/^[^<>]+ <[^@\s]+@[^>\s]+>$/);
    expect(own.homepage).toMatch(/^https:\/\//);
  });
});
