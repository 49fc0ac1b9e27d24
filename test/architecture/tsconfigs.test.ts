import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The files a tsconfig checks and the patterns it was given, as `tsc -p` reads them. */
function read(name: string): { files: string[]; include: string[] } {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, name), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`${name} could not be read`);
  const raw = (parsed.raw as { include?: string[] }).include ?? [];
  return { files: parsed.fileNames, include: raw };
}

describe('tsconfig files', () => {
  it('`npx tsc --noEmit` at the root checks every file the two strict projects check', () => {
    const all = new Set(read('tsconfig.json').files);
    const split = [...read('tsconfig.node.json').files, ...read('tsconfig.web.json').files];
    expect(split.length).toBeGreaterThan(400);
    expect(split.filter((file) => !all.has(file))).toEqual([]);
  });

  it.each(['tsconfig.json', 'tsconfig.node.json', 'tsconfig.web.json'])(
    '%s includes no file that does not exist',
    (name) => {
      const literal = read(name).include.filter((pattern) => !/[*?]/.test(pattern));
      expect(literal.filter((path) => !existsSync(join(root, path)))).toEqual([]);
    },
  );
});
