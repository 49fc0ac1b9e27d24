import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, shellPlan } from '../../../src/main/desktop/shell-plan';

describe('shellPlan', () => {
  it('hides the Dock icon on macOS only, and names the app to Windows only', () => {
    expect(shellPlan('darwin')).toEqual({ hideDock: true, appUserModelId: null });
    expect(shellPlan('win32')).toEqual({ hideDock: false, appUserModelId: APP_USER_MODEL_ID });
    expect(shellPlan('linux')).toEqual({ hideDock: false, appUserModelId: null });
  });

  it('uses the appId the installer registers, so Windows shows the notifications', () => {
    const builder = readFileSync(
      join(import.meta.dirname, '../../../electron-builder.yml'),
      'utf8',
    );
    expect(builder).toMatch(new RegExp(`^appId: ${APP_USER_MODEL_ID.replace(/\./g, '\\.')}$`, 'm'));
  });
});
