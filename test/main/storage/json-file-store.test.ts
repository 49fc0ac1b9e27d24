import * as fsp from 'node:fs/promises';
import {
  chmodSync,
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
import { NewerFileError, type DocumentFormat } from '../../../src/main/storage/document-format';
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
  return { ...real, rename: vi.fn(real.rename), rm: vi.fn(real.rm), open: vi.fn(real.open) };
});
const realFs = await vi.importActual<typeof fsp>('node:fs/promises');

class SimulatedCrash extends Error {}

const schema = z.object({ n: z.number() });
const format: DocumentFormat = {
  label: 'test',
  versionKey: 'version',
  version: 1,
  unversioned: null,
  migrations: [],
};
const testStore = (file: string) => new JsonFileStore(file, schema, format);
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-store-'));
  path = join(dir, 'file.json');
});
afterEach(() => {
  vi.mocked(fsp.rename).mockReset();
  vi.mocked(fsp.rm).mockReset();
  vi.mocked(fsp.open).mockReset();
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
    const store = testStore(path);
    expect(await store.read()).toBeNull();
    await store.write({ n: 1 });
    await store.write({ n: 2 });
    expect(await store.read()).toEqual({ n: 2 });
    expect(readdirSync(dir)).toEqual(['file.json']);
    expect(mode(path)).toBe(0o600);
  });

  it('writes one at a time per file, in call order, even from two stores; flush() waits for all', async () => {
    const one = testStore(path);
    const two = testStore(path);
    const writes = Array.from({ length: 40 }, (_, n) => (n % 2 ? one : two).write({ n }));
    await one.flush();
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, n: 39 });
    expect(readdirSync(dir)).toEqual(['file.json']);
    await Promise.all(writes);
  });

  it('flushAllJsonFiles() waits for the writes of every file', async () => {
    const files = ['a.json', 'b.json', 'c.json'].map((name) => join(dir, name));
    for (const file of files) void testStore(file).write({ n: 7 });
    await flushAllJsonFiles();
    for (const file of files)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, n: 7 });
  });

  it('a crash between writing and renaming leaves the old content whole, and the debris is cleared', async () => {
    const store = testStore(path);
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
    const store = testStore(target);
    await expect(store.write({ n: 1 })).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['occupied']);
    expect(readdirSync(target)).toEqual(['keep']);
    await store.flush();
  });

  it('cleaning up removes only the temporary files of that file', async () => {
    for (const name of ['.file.json.abc.tmp', '.other.json.abc.tmp', 'file.json.tmp', 'file.json'])
      writeFileSync(join(dir, name), 'x');
    await testStore(path).removeStaleTempFiles();
    expect(readdirSync(dir).sort()).toEqual(['.other.json.abc.tmp', 'file.json', 'file.json.tmp']);
  });

  it('a damaged file: DamagedFileError, and a copy kept beside it for its owner only', async () => {
    writeFileSync(path, '{"n": 1', { mode: 0o644 });
    const error = await testStore(path)
      .read()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DamagedFileError);
    const backup = (error as DamagedFileError).backupPath!;
    expect(readFileSync(backup, 'utf8')).toBe('{"n": 1');
    expect(mode(backup)).toBe(0o600);
    writeFileSync(path, JSON.stringify({ version: 1, n: 'one' }));
    await expect(testStore(path).read()).rejects.toBeInstanceOf(DamagedFileError);
  });
});

describe('JsonFileStore: versions', () => {
  const v2: DocumentFormat = {
    ...format,
    version: 2,
    migrations: [{ version: 2, description: 'n doubles', up: (raw) => ({ n: Number(raw.n) * 2 }) }],
  };

  it('stamps the version first in the file, and hands the document back without it', async () => {
    await testStore(path).write({ n: 3 });
    expect(readFileSync(path, 'utf8')).toBe('{\n  "version": 1,\n  "n": 3\n}\n');
    expect(await testStore(path).read()).toEqual({ n: 3 });
  });

  it('upgrades an older file, writes it back at once, and keeps the old one beside it', async () => {
    writeFileSync(path, '{"version":1,"n":3}');
    const store = new JsonFileStore(path, schema, v2);
    expect(await store.read()).toEqual({ n: 6 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 2, n: 6 });
    expect(readFileSync(`${path}.version-1`, 'utf8')).toBe('{"version":1,"n":3}');
    expect(mode(`${path}.version-1`)).toBe(0o600);
    expect(await store.read()).toEqual({ n: 6 });
  });

  it('a file from a newer HA Tray: NewerFileError, and no write or clear ever touches it', async () => {
    const newer = '{ "version": 2, "n": "a shape this version does not know" }';
    writeFileSync(path, newer);
    const store = testStore(path);
    await expect(store.read()).rejects.toBeInstanceOf(NewerFileError);
    // Refused whether or not the store read it first.
    for (const attempt of [() => store.write({ n: 1 }), () => testStore(path).clear()])
      await expect(attempt()).rejects.toMatchObject({
        name: 'NewerFileError',
        version: 2,
        message: expect.stringMatching(/newer version of HA Tray \(test version 2; this one/),
      });
    await flushAllJsonFiles();
    expect(readFileSync(path, 'utf8')).toBe(newer);
    expect(readdirSync(dir)).toEqual(['file.json']);
  });

  it('writes over a damaged file, whatever version it seems to name', async () => {
    writeFileSync(path, '{"version": 9, "n": ');
    await testStore(path).write({ n: 1 });
    expect(await testStore(path).read()).toEqual({ n: 1 });
  });
});

describe('JsonFileStore: the folder and durability', () => {
  it('makes its folder for its owner only, and narrows one that is open to others', async () => {
    const nested = join(dir, 'a', 'b');
    await testStore(join(nested, 'file.json')).write({ n: 1 });
    expect(mode(nested)).toBe(0o700);
    chmodSync(dir, 0o755);
    await testStore(path).write({ n: 1 });
    expect(mode(dir)).toBe(0o700);
  });

  it('resolves a write only once the file and then its folder are synced to disk', async () => {
    const order: string[] = [];
    vi.mocked(fsp.open).mockImplementation(async (file, flags, fileMode) => {
      const handle = await realFs.open(file, flags, fileMode);
      const what = String(file) === dir ? 'folder' : 'temp';
      const realSync = handle.sync.bind(handle);
      handle.sync = async () => {
        order.push(`sync ${what}`);
        return realSync();
      };
      return handle;
    });
    vi.mocked(fsp.rename).mockImplementationOnce(async (from, to) => {
      order.push('rename');
      return realFs.rename(from, to);
    });
    await testStore(path).write({ n: 1 });
    expect(order).toEqual(['sync temp', 'rename', 'sync folder']);
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
