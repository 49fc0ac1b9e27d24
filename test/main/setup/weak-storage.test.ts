import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { requestChannel } from '../../../src/shared/ipc/define';
import { testPlatform } from '../../support/app-platform';

const PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };
let dir: string;
let app: AppServices;
let answer: boolean;
const asked: string[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-weak-'));
  app = createAppServices(
    testPlatform(dir, {
      dialogs: {
        confirm: async (question) => (asked.push(question), answer),
        showError: () => undefined,
      },
    }),
  );
  await app.start();
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('weak token storage', () => {
  it('is allowed only when the user confirms it in the dialog main opens, never by a page alone', async () => {
    const ask = (name: string, ...args: unknown[]) =>
      app.table.handle(requestChannel(name), PAGE, args);
    expect(await ask('updateSettings', { storage: { allowWeakEncryption: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    answer = false;
    expect(await ask('allowWeakStorage', 'first', true)).toMatchObject({ ok: true });
    expect(app.settings.get().storage.allowWeakEncryption).toBe(false);
    answer = true;
    expect(await ask('allowWeakStorage', 'first', true)).toMatchObject({ ok: true });
    expect(app.settings.get().storage.allowWeakEncryption).toBe(true);
    expect(asked).toEqual([expect.stringMatching(/without a keyring/), expect.any(String)]);
  });
});
