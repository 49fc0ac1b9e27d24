import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileCrashJournal } from '../../../src/main/crash/crash-journal';
import { APP_FILES, INSTANCE_FILES } from '../../../src/main/storage/layout';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { adoptTopLevelInstanceFiles } from '../../../src/main/storage/instance-folders';
import { FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import { fileSignInJournalStore } from '../../../src/main/sign-in/sign-in-journal';
import { fileReminderMemoryStore } from '../../../src/main/token-lifecycle/reminder-memory-store';
import { fileJournalStore } from '../../../src/main/token-lifecycle/rotation-journal';
import { TokenVault } from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import {
  FIXTURE_CONTENT,
  FIXTURE_TOKENS,
  writeFixtureSet,
} from '../../fixtures/files/write-fixture-set';
import { recordingLogger } from '../../support/test-logger';

/**
 * Every set of files an earlier HA Tray wrote (test/fixtures/files/v<n>/, one per change of any
 * file's format) must load through today's migrations with nothing lost; and today's stores must
 * write exactly the newest set, so that a change of format without a new set fails here.
 */
const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
const SETS = readdirSync(FIXTURES)
  .filter((name) => /^v\d+$/.test(name))
  .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const NEWEST = SETS.at(-1)!;

let userDataDir: string;
beforeEach(() => {
  userDataDir = mkdtempSync(join(tmpdir(), 'ha-tray-fixtures-'));
});
afterEach(() => rmSync(userDataDir, { recursive: true, force: true }));

/** Every file under a folder, by its path inside it. */
const filesIn = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();

describe.each(SETS)('the files of fixture set %s', (set) => {
  it('load through the migrations with everything in them', async () => {
    cpSync(join(FIXTURES, set), userDataDir, { recursive: true });
    const logger = recordingLogger();

    // As the app starts: the files move first, then the settings migrate.
    adoptTopLevelInstanceFiles(userDataDir, logger);
    const settings = SettingsStore.open({ cwd: userDataDir, logger });
    expect(settings.notice()).toBeNull();
    expect(settings.get()).toMatchObject({
      instances: [
        {
          key: FIRST_INSTANCE_KEY,
          origin: FIXTURE_CONTENT.origin,
          favourites: FIXTURE_CONTENT.favourites,
        },
      ],
      trust: { plainHttp: [FIXTURE_CONTENT.plainHttpOrigin], certificates: [FIXTURE_CONTENT.pin] },
    });
    const dir = join(userDataDir, 'instances', FIRST_INSTANCE_KEY);
    expect(
      Object.values(INSTANCE_FILES).filter((name) => existsSync(join(userDataDir, name))),
    ).toEqual([]);

    const vault = new TokenVault({
      dir,
      secrets: new FakeSecretStore('gnome_libsecret'),
      weakStorageAllowed: () => false,
      logger,
    });
    expect(await vault.open()).toBe('ready');
    expect(vault.token()).toBe(FIXTURE_TOKENS.current);
    expect(vault.pendingToken()).toBe(FIXTURE_TOKENS.pending);
    expect(vault.metadata()).toMatchObject({
      name: FIXTURE_CONTENT.tokenName,
      savedAt: new Date(FIXTURE_CONTENT.savedAt).toISOString(),
    });
    await vault.dispose();

    expect(await fileJournalStore(join(dir, INSTANCE_FILES.rotationJournal)).read()).toEqual(
      FIXTURE_CONTENT.journal,
    );
    // The sign-in journal came with v4; an older set has none, which reads as no sign-in.
    expect(await fileSignInJournalStore(join(dir, INSTANCE_FILES.signInJournal)).read()).toEqual(
      Number(set.slice(1)) >= 4 ? FIXTURE_CONTENT.signInJournal : null,
    );
    const reminder = fileReminderMemoryStore(join(dir, INSTANCE_FILES.rotationReminder), logger);
    expect(await reminder.read()).toEqual(FIXTURE_CONTENT.reminder);
    // The crash journal came with v2; an older set has none, which reads as no crash.
    const hasCrashes = existsSync(join(userDataDir, APP_FILES.crashJournal));
    expect(hasCrashes).toBe(Number(set.slice(1)) >= 2);
    expect(fileCrashJournal(join(userDataDir, APP_FILES.crashJournal)).crashes()).toEqual(
      hasCrashes ? FIXTURE_CONTENT.crashes : [],
    );
    expect(logger.lines.filter((line) => /^(warn|error)/.test(line))).toEqual([]);
  });
});

describe('the newest fixture set', () => {
  it(`is what today's HA Tray writes (${NEWEST})`, async () => {
    const dir = userDataDir;
    await writeFixtureSet(dir);
    const written = filesIn(dir);
    const next = `v${Number(NEWEST.slice(1)) + 1}`;
    const differsFrom = (set: string) =>
      written.filter((name) => {
        const kept = join(FIXTURES, set, name);
        return (
          !existsSync(kept) || readFileSync(join(dir, name), 'utf8') !== readFileSync(kept, 'utf8')
        );
      });
    let newest = NEWEST;
    // The one way a set is made: by today's stores, when asked for by name.
    if (process.env.WRITE_FILE_FIXTURES === next && differsFrom(NEWEST).length > 0) {
      mkdirSync(join(FIXTURES, next));
      cpSync(dir, join(FIXTURES, next), { recursive: true });
      newest = next;
    }
    expect(written).toEqual(
      [
        ...Object.values(APP_FILES),
        ...Object.values(INSTANCE_FILES).map((name) => join('instances', FIRST_INSTANCE_KEY, name)),
      ].sort(),
    );
    expect(written).toEqual(filesIn(join(FIXTURES, newest)));
    expect(
      differsFrom(newest),
      `A file format changed: add its migration, then the fixture set ${next} with ` +
        `WRITE_FILE_FIXTURES=${next} npx vitest run --project node test/main/storage/file-fixtures.test.ts`,
    ).toEqual([]);
  });
});
