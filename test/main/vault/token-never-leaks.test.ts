import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/main/settings/settings-store';
import { TokenVault, VAULT_FILE } from '../../../src/main/vault/token-vault';
import { FakeSecretStore } from '../../fakes/secret-store';
import { recordingLogger } from '../../support/test-logger';
import { manualSchedule } from './manual-schedule';

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ iss: 'rt-1', iat: 1_700_000_000 })}.Zmlyc3Qtc2lnbmF0dXJlLXZhbHVl`;
const NEXT = `${b64({ alg: 'HS256' })}.${b64({ iss: 'rt-2', iat: 1_710_000_000 })}.c2Vjb25kLXNpZ25hdHVyZS12YWx1ZQ`;

/** The whole token, its signature alone, and its plain base64: none may appear anywhere. */
const forbidden = [TOKEN, NEXT].flatMap((t) => [
  t,
  t.split('.')[2]!,
  Buffer.from(t).toString('base64'),
]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-leak-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function everyFile(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? everyFile(path) : [path];
  });
}

it('the token is never in a file, a log line, an error, the metadata or the settings', async () => {
  const logger = recordingLogger();
  const timers = manualSchedule();
  const seen: string[] = [];
  const settings = SettingsStore.open({ cwd: dir, logger });
  let secrets = new FakeSecretStore('gnome_libsecret');
  const open = async () => {
    const vault = new TokenVault({
      dir,
      secrets,
      logger,
      weakStorageAllowed: () => settings.get().storage.allowWeakEncryption,
      schedule: timers.schedule,
    });
    vault.onChange(() => seen.push(JSON.stringify(vault.metadata())));
    await vault.open();
    return vault;
  };
  const attempt = async (operation: Promise<unknown>) => {
    const error = await operation.then(
      () => null,
      (e: unknown) => e,
    );
    if (error instanceof Error) seen.push(error.message, String(error.stack), String(error));
  };

  let vault = await open();
  await vault.save(TOKEN, 'HA Tray');
  await vault.savePending(NEXT);
  await vault.promotePending();
  await vault.savePending(TOKEN);
  settings.updateInstance('first', { favourites: [{ entityId: 'light.kitchen' }] });

  // A secret store whose own error repeats what it was given must not pass it on.
  secrets.encryptFailure = new Error(`could not encrypt ${NEXT}`);
  await attempt(vault.save(NEXT));
  secrets.encryptFailure = null;
  secrets.locked = true;
  await attempt(vault.save(NEXT));
  await vault.dispose();

  // Restarts into every state: locked, changed key, no keyring, damaged file.
  vault = await open();
  await timers.fire();
  secrets.locked = false;
  await timers.fire();
  expect(vault.token()).toBe(NEXT);
  secrets.rotateKey();
  vault = await open();
  await attempt(vault.savePending(TOKEN));
  await attempt(vault.promotePending());
  secrets = new FakeSecretStore('basic_text');
  vault = await open();
  await attempt(vault.save(TOKEN));
  settings.allowWeakStorage();
  vault = await open();
  await vault.save(TOKEN);
  writeFileSync(join(dir, VAULT_FILE), '{ damaged');
  vault = await open();
  await attempt(vault.promotePending());
  seen.push(JSON.stringify(vault.metadata()), JSON.stringify(settings.get()));

  const files = everyFile(dir);
  expect(files.length).toBeGreaterThanOrEqual(2);
  const haystacks = [...files.map((f) => readFileSync(f, 'latin1')), ...logger.lines, ...seen];
  for (const needle of forbidden) {
    for (const haystack of haystacks) expect(haystack).not.toContain(needle);
  }
  expect(seen.length).toBeGreaterThan(10);
});
