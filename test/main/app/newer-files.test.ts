import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { AppStatus } from '../../../src/shared/app-status';
import { requestChannel } from '../../../src/shared/ipc/define';
import type { TokenStatus } from '../../../src/shared/token-status';
import { FIXTURE_TOKENS } from '../../fixtures/files/write-fixture-set';
import { testPlatform } from '../../support/app-platform';

const PAGE = { url: 'ha-tray://app/settings.html#/connection', isMainFrame: true };
const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
/** The files today's HA Tray writes: a newer one starts from these, so each is one version ahead. */
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

/** Every file as a later HA Tray might leave it: the next version of each format. */
function filesOfANewerHaTray(): Map<string, string> {
  cpSync(NEWEST_SET, dir, { recursive: true });
  const files = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const raw = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    const key = 'schemaVersion' in raw ? 'schemaVersion' : 'version';
    const text = JSON.stringify({ ...raw, [key]: Number(raw[key]) + 1 }, null, 2);
    writeFileSync(join(dir, name), text, { mode: 0o600 });
    files.set(name, text);
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

    const status = (await call('getStatus')) as { ok: true; value: AppStatus };
    expect(status.value.settingsNotice).toMatch(/settings file was saved by a newer version/);
    expect(status.value.token).toMatchObject({
      state: 'undecryptable',
      message: expect.stringMatching(/token was saved by a newer version of HA Tray/),
    });
    const tokens = (await call('getTokenStatus')) as { ok: true; value: TokenStatus };
    expect(tokens.value.rotation).toMatchObject({
      phase: 'incomplete',
      message: expect.stringMatching(/newer version of HA Tray left a token rotation/),
    });

    // What the user does meanwhile works for this run, or is refused with a sentence.
    expect(await call('updateSettings', { favourites: [{ entityId: 'light.a' }] })).toMatchObject({
      ok: true,
    });
    expect(app.settings.get().favourites).toEqual([{ entityId: 'light.a' }]);
    await expect(app.vault.save(FIXTURE_TOKENS.current)).rejects.toThrow(/newer version/);
    expect(await call('rotateToken')).toMatchObject({
      ok: true,
      value: { phase: 'incomplete', message: expect.stringMatching(/newer version/) },
    });

    await app.dispose();
    app = null;
    expect(readdirSync(dir).sort()).toEqual([...before.keys()].sort());
    for (const [name, text] of before) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  });
});
