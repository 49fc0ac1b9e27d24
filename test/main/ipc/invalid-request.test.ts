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

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ha-tray-invalid-'));
  app = createAppServices(testPlatform(dir));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const message = async (name: string, ...args: unknown[]) => {
  const reply = await app.table.handle(requestChannel(name), PAGE, args);
  if (reply.ok) throw new Error(`${name} was accepted`);
  return reply.error.message;
};

describe('a page request that fails validation', () => {
  it('reaches the user as a sentence, never as a schema message', async () => {
    expect(await message('testConnection', 'first', { url: `http://${'a'.repeat(3000)}` })).toBe(
      'The address is too long (at most 2,048 characters).',
    );
    // There is no port field: the port is part of the address.
    expect(await message('testConnection', 'first', { url: 'ha.lan', port: '8123' })).toBe(
      'Something in this request has entries HA Tray does not know; nothing was changed.',
    );
    expect(
      await message('testConnection', 'first', { url: 'ha.lan', token: 'x'.repeat(20_000) }),
    ).toMatch(/^The token is too long/);
    const odd = [
      await message('testConnection', 'first', { url: 5 }),
      await message('testConnection', 'first', { url: 'x', admin: true }),
      await message('updateSettings', { favourites: 'all' }),
      await message('updateInstance', 'first', { favourites: 'all' }),
      await message('rotateToken', 'Not/A/Key'),
      await message('actOnEntity', 'first', { entityId: 'NOT AN ID', action: { kind: 'primary' } }),
      await message('getStatus', 'first', 'extra'),
      await message('getStatus'),
      await message('openSettings', 'nowhere'),
    ];
    for (const text of odd) {
      expect(text).toMatch(/^[A-Z].*\.$/);
      expect(text).not.toMatch(/Invalid request|expected|Too big|at \w+\./);
    }
  });
});
