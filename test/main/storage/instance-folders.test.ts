import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import {
  adoptTopLevelInstanceFiles,
  instanceFolder,
  removeInstanceFolder,
} from '../../../src/main/storage/instance-folders';
import { INSTANCE_FILES } from '../../../src/main/storage/layout';
import { TokenVault } from '../../../src/main/vault/token-vault';
import { FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import { FakeSecretStore } from '../../fakes/secret-store';
import { FIXTURE_TOKENS } from '../../fixtures/files/write-fixture-set';
import { recordingLogger } from '../../support/test-logger';

const V4 = join(import.meta.dirname, '../../fixtures/files/v4');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-folders-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const first = (name: string) => join(dir, 'instances', FIRST_INSTANCE_KEY, name);

describe("each instance's folder", () => {
  it("moves the one instance's files of a version 2 setup into the first instance's folder, once", () => {
    cpSync(V4, dir, { recursive: true });
    const logger = recordingLogger();
    adoptTopLevelInstanceFiles(dir, logger);
    for (const name of Object.values(INSTANCE_FILES)) {
      expect(existsSync(join(dir, name)), name).toBe(false);
      expect(readFileSync(first(name), 'utf8')).toBe(readFileSync(join(V4, name), 'utf8'));
    }
    adoptTopLevelInstanceFiles(dir, logger);
    expect(logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });

  it('loses nothing when the app stops between moving the files and writing the settings', async () => {
    cpSync(V4, dir, { recursive: true });
    adoptTopLevelInstanceFiles(dir, recordingLogger());
    // Stopped here: the settings file still says version 2. The next start migrates it.
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(2);
    adoptTopLevelInstanceFiles(dir, recordingLogger());
    const settings = SettingsStore.open({ cwd: dir, logger: recordingLogger() });
    expect(settings.get().instances.map((entry) => entry.key)).toEqual([FIRST_INSTANCE_KEY]);
    const vault = new TokenVault({
      dir: instanceFolder(dir, settings.get().instances[0]!.key),
      secrets: new FakeSecretStore('gnome_libsecret'),
      weakStorageAllowed: () => false,
      logger: recordingLogger(),
    });
    expect(await vault.open()).toBe('ready');
    expect(vault.token()).toBe(FIXTURE_TOKENS.current);
    await vault.dispose();
  });

  it("never lets a file an older HA Tray wrote later replace the instance's own", () => {
    instanceFolder(dir, FIRST_INSTANCE_KEY);
    writeFileSync(first(INSTANCE_FILES.vault), 'newer');
    writeFileSync(join(dir, INSTANCE_FILES.vault), 'older');
    const logger = recordingLogger();
    adoptTopLevelInstanceFiles(dir, logger);
    expect(readFileSync(first(INSTANCE_FILES.vault), 'utf8')).toBe('newer');
    expect(readFileSync(join(dir, INSTANCE_FILES.vault), 'utf8')).toBe('older');
    expect(logger.lines.join('\n')).toMatch(/^warn .*left where it was/m);
  });

  it.skipIf(process.platform === 'win32')(
    'is private to the user, and goes with its instance',
    () => {
      const folder = instanceFolder(dir, 'cabin');
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, 'instances')).mode & 0o777).toBe(0o700);
      writeFileSync(join(folder, INSTANCE_FILES.vault), '{}');
      removeInstanceFolder(dir, 'cabin');
      expect(existsSync(folder)).toBe(false);
      expect(existsSync(join(dir, 'instances'))).toBe(true);
    },
  );
});
