import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import { INSTANCE_FILES } from '../../../src/main/storage/layout';
import { FIRST_INSTANCE_KEY } from '../../../src/shared/settings';
import { FakeSecretStore } from '../../fakes/secret-store';
import { FIXTURE_CONTENT, FIXTURE_TOKENS } from '../../fixtures/files/write-fixture-set';
import { testPlatform } from '../../support/app-platform';

const FIXTURES = join(import.meta.dirname, '../../fixtures/files');
let dir: string;
let app: AppServices | null = null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-upgrade-'));
});
afterEach(async () => {
  await app?.dispose();
  app = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('an existing setup, upgraded to several instances', () => {
  it.each(['v0', 'v3', 'v4'])(
    'becomes the first instance with nothing lost (files of set %s), a half-finished rotation included',
    async (set) => {
      cpSync(join(FIXTURES, set), dir, { recursive: true });
      // Held back as after a crash loop: the fixture's address is not on this machine's loopback.
      app = createAppServices(
        testPlatform(dir, {
          secrets: new FakeSecretStore('gnome_libsecret'),
          startNotice: 'Held back for this test.',
        }),
      );
      await app.start();
      const [first, ...others] = app.instances.list();
      expect(others).toEqual([]);
      expect(first!.key).toBe(FIRST_INSTANCE_KEY);
      expect(first!.settings.entry()).toMatchObject({
        origin: FIXTURE_CONTENT.origin,
        favourites: FIXTURE_CONTENT.favourites,
      });
      expect(first!.vault.token()).toBe(FIXTURE_TOKENS.current);
      expect(first!.vault.pendingToken()).toBe(FIXTURE_TOKENS.pending);
      // The rotation that stopped after "stored" is still known, to be finished on connecting.
      expect(first!.tokens.status().rotation).toEqual({
        phase: 'incomplete',
        message: expect.stringMatching(/will finish it when it connects/),
        leftoverTokenName: FIXTURE_CONTENT.journal.clientName,
      });
      for (const name of Object.values(INSTANCE_FILES))
        expect(existsSync(join(dir, name))).toBe(false);
      expect(existsSync(join(dir, 'instances', FIRST_INSTANCE_KEY, INSTANCE_FILES.vault))).toBe(
        true,
      );
    },
  );
});
