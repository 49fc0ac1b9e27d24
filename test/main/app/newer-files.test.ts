import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { AppStatus } from '../../../src/shared/app-status';
import { INSTANCE_FILES } from '../../../src/main/storage/layout';
import { requestChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY, SETTINGS_VERSION } from '../../../src/shared/settings';
import type { TokenStatus } from '../../../src/shared/token-status';
import { FIXTURE_TOKENS } from '../../fixtures/files/write-fixture-set';
import { testPlatform } from '../../support/app-platform';
import { onlyInstance } from '../../support/only-instance';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };
const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
/** The files today's HA Tray writes: a newer one starts from these, each one version ahead. */
const NEWEST_SET = join(
  FIXTURES,
  readdirSync(FIXTURES)
    .filter((name) => /^v\d+$/.test(name))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
    .at(-1)!,
);

let dir: string;
let app: AppServices | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-newer-'));
});
afterEach(async () => {
  await app?.dispose();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under `folder`, by its path inside it. */
function filesUnder(folder: string, inside = ''): string[] {
  return readdirSync(join(folder, inside), { withFileTypes: true }).flatMap((item) => {
    const path = join(inside, item.name);
    return item.isDirectory() ? filesUnder(folder, path) : [path];
  });
}

/**
 * Every file as a later HA Tray might leave it: today's layout (the app's files at the top, the
 * first instance's in its folder), each file one version ahead of the one today's HA Tray writes.
 */
function filesOfANewerHaTray(): Map<string, string> {
  const instanceFiles = new Set<string>(Object.values(INSTANCE_FILES));
  const files = new Map<string, string>();
  for (const from of filesUnder(NEWEST_SET)) {
    // A set from before settings version 3 has the instance's files at the top.
    const to = instanceFiles.has(from) ? join('instances', FIRST_INSTANCE_KEY, from) : from;
    const raw = JSON.parse(readFileSync(join(NEWEST_SET, from), 'utf8')) as Record<string, unknown>;
    const next =
      'schemaVersion' in raw
        ? { ...raw, schemaVersion: SETTINGS_VERSION + 1 }
        : { ...raw, version: Number(raw.version) + 1 };
    const text = JSON.stringify(next, null, 2);
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    writeFileSync(join(dir, to), text, { mode: 0o600 });
    files.set(to, text);
  }
  return files;
}

const call = async (channel: string, ...args: unknown[]) =>
  app!.table.handle(requestChannel(channel as 'getStatus'), PAGE, args);

describe('files from a newer HA Tray', () => {
  it('the app starts, says so, keeps running, and writes none of them', async () => {
    const before = filesOfANewerHaTray();
    app = createAppServices(testPlatform(dir));
    await app.start();

    const status = (await call('getStatus', FIRST_INSTANCE_KEY)) as { ok: true; value: AppStatus };
    expect(status.value.settingsNotice).toMatch(/settings file was saved by a newer version/);
    expect(status.value.token).toMatchObject({
      state: 'undecryptable',
      message: expect.stringMatching(/token was saved by a newer version of HA Tray/),
    });
    const tokens = (await call('getTokenStatus', FIRST_INSTANCE_KEY)) as {
      ok: true;
      value: TokenStatus;
    };
    expect(tokens.value.rotation).toMatchObject({
      phase: 'incomplete',
      message: expect.stringMatching(/newer version of HA Tray left a token rotation/),
    });

    // What the user does meanwhile works for this run, or is refused with a sentence.
    expect(
      await call('updateInstance', FIRST_INSTANCE_KEY, { favourites: [{ entityId: 'light.a' }] }),
    ).toMatchObject({ ok: true });
    expect(app.settings.entry(FIRST_INSTANCE_KEY).favourites).toEqual([{ entityId: 'light.a' }]);
    await expect(onlyInstance(app).vault.save(FIXTURE_TOKENS.current)).rejects.toThrow(
      /newer version/,
    );
    expect(await call('rotateToken', FIRST_INSTANCE_KEY)).toMatchObject({
      ok: true,
      value: { phase: 'incomplete', message: expect.stringMatching(/newer version/) },
    });

    await app.dispose();
    app = null;
    expect(filesUnder(dir).sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });
});
