import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeStaleTempFiles, writeFileAtomic } from '../../../src/main/vault/atomic-file';
import { TokenVault, VAULT_FILE } from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import { recordingLogger } from '../../support/test-logger';

// Lets a test stop a write at the rename, as a crash or power loss would.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  return { ...real, renameSync: vi.fn(real.renameSync), rmSync: vi.fn(real.rmSync) };
});

class SimulatedCrash extends Error {}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-atomic-'));
});
afterEach(() => {
  vi.mocked(fs.renameSync).mockReset();
  vi.mocked(fs.rmSync).mockReset();
  rmSync(dir, { recursive: true, force: true });
});

/** The next write dies between writing its temporary file and renaming it: nothing after runs. */
function crashBeforeNextRename() {
  vi.mocked(fs.renameSync).mockImplementationOnce(() => {
    throw new SimulatedCrash();
  });
  vi.mocked(fs.rmSync).mockImplementationOnce(() => undefined);
}

describe('writeFileAtomic', () => {
  it('replaces the content and leaves nothing else behind', () => {
    const path = join(dir, 'file.json');
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, Buffer.from('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('a crash between writing and renaming leaves the old content whole', () => {
    const path = join(dir, 'file.json');
    writeFileAtomic(path, 'old content');
    crashBeforeNextRename();
    expect(() => writeFileAtomic(path, 'new content')).toThrow(SimulatedCrash);
    expect(readFileSync(path, 'utf8')).toBe('old content');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    removeStaleTempFiles(path);
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('a write that fails removes its temporary file and changes nothing', () => {
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readdirSync(target)).toEqual(['keep']);
  });

  it('cleaning up removes only the temporary files of that file', () => {
    const path = join(dir, 'file.json');
    for (const name of ['.file.json.abc.tmp', '.other.json.abc.tmp', 'file.json.tmp', 'file.json'])
      writeFileSync(join(dir, name), 'x');
    removeStaleTempFiles(path);
    expect(readdirSync(dir).sort()).toEqual(['.other.json.abc.tmp', 'file.json', 'file.json.tmp']);
  });
});

describe('TokenVault over a crash', () => {
  it('a crash while saving a new token leaves the old token readable, and the debris is cleared', async () => {
    const secrets = new FakeSecretStore('gnome_libsecret');
    const options = { dir, secrets, weakStorageAllowed: () => false, logger: recordingLogger() };
    const first = new TokenVault(options);
    await first.open();
    await first.save('old-token-value');

    crashBeforeNextRename();
    await expect(first.save('new-token-value')).rejects.toThrow(SimulatedCrash);

    const afterRestart = new TokenVault(options);
    expect(await afterRestart.open()).toBe('ready');
    expect(afterRestart.token()).toBe('old-token-value');
    expect(readdirSync(dir)).toEqual([VAULT_FILE]);
    afterRestart.dispose();
    first.dispose();
  });
});
