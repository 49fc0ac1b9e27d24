import * as fsp from 'node:fs/promises';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  DamagedFileError,
  flushAllJsonFiles,
  JsonFileStore,
} from '../../../src/main/storage/json-file-store';
import { TokenVault, VAULT_FILE } from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import { recordingLogger } from '../../support/test-logger';

// Lets a test stop a write at the rename, as a crash or power loss would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsp>();
  return { ...real, rename: vi.fn(real.rename), rm: vi.fn(real.rm) };
});

class SimulatedCrash extends Error {}

const schema = z.object({ n: z.number() });
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-store-'));
  path = join(dir, 'file.json');
});
afterEach(() => {
  vi.mocked(fsp.rename).mockReset();
  vi.mocked(fsp.rm).mockReset();
  rmSync(dir, { recursive: true, force: true });
});

/** The next write dies between writing its temporary file and renaming it: nothing after runs. */
function crashBeforeNextRename() {
  vi.mocked(fsp.rename).mockImplementationOnce(async () => {
    throw new SimulatedCrash();
  });
  vi.mocked(fsp.rm).mockImplementationOnce(async () => undefined);
}

const mode = (file: string) => statSync(file).mode & 0o777;

describe('JsonFileStore', () => {
  it('replaces the content, readable by its owner only, and leaves nothing else behind', async () => {
    const store = new JsonFileStore(path, schema);
    expect(await store.read()).toBeNull();
    await store.write({ n: 1 });
    await store.write({ n: 2 });
    expect(await store.read()).toEqual({ n: 2 });
    expect(readdirSync(dir)).toEqual(['file.json']);
    expect(mode(path)).toBe(0o600);
  });

  it('writes one at a time per file, in call order, even from two stores; flush() waits for all', async () => {
    const one = new JsonFileStore(path, schema);
    const two = new JsonFileStore(path, schema);
    const writes = Array.from({ length: 40 }, (_, n) => (n % 2 ? one : two).write({ n }));
    await one.flush();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ n: 39 });
    expect(readdirSync(dir)).toEqual(['file.json']);
    await Promise.all(writes);
  });

  it('flushAllJsonFiles() waits for the writes of every file', async () => {
    const files = ['a.json', 'b.json', 'c.json'].map((name) => join(dir, name));
    for (const file of files) void new JsonFileStore(file, schema).write({ n: 7 });
    await flushAllJsonFiles();
    for (const file of files) expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: 7 });
  });

  it('a crash between writing and renaming leaves the old content whole, and the debris is cleared', async () => {
    const store = new JsonFileStore(path, schema);
    await store.write({ n: 1 });
    crashBeforeNextRename();
    await expect(store.write({ n: 2 })).rejects.toThrow(SimulatedCrash);
    expect(await store.read()).toEqual({ n: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    await store.removeStaleTempFiles();
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('a write that fails removes its temporary file and changes nothing; later writes still run', async () => {
    const target = join(dir, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    const store = new JsonFileStore(target, schema);
    await expect(store.write({ n: 1 })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readdirSync(target)).toEqual(['keep']);
    await store.flush();
  });

  it('cleaning up removes only the temporary files of that file', async () => {
    for (const name of ['.file.json.abc.tmp', '.other.json.abc.tmp', 'file.json.tmp', 'file.json'])
      writeFileSync(join(dir, name), 'x');
    await new JsonFileStore(path, schema).removeStaleTempFiles();
    expect(readdirSync(dir).sort()).toEqual(['.other.json.abc.tmp', 'file.json', 'file.json.tmp']);
  });

  it('a damaged file: DamagedFileError, and a copy kept beside it for its owner only', async () => {
    writeFileSync(path, '{"n": 1', { mode: 0o644 });
    const error = await new JsonFileStore(path, schema).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedFileError);
    const backup = (error as DamagedFileError).backupPath!;
    expect(readFileSync(backup, 'utf8')).toBe('{"n": 1');
    expect(mode(backup)).toBe(0o600);
    writeFileSync(path, JSON.stringify({ n: 'one' }));
    await expect(new JsonFileStore(path, schema).read()).rejects.toBeInstanceOf(DamagedFileError);
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
    await afterRestart.dispose();
    await first.dispose();
  });
});
