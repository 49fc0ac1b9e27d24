import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../src/main/windows/app-protocol';

describe('resolveAppAsset', () => {
  const root = resolve('/opt/ha-tray/out/renderer');

  it('serves files of the renderer folder', () => {
    expect(resolveAppAsset(root, 'ha-tray://app/settings.html')).toBe(join(root, 'settings.html'));
    expect(resolveAppAsset(root, 'ha-tray://app/assets/panel-x1.js?v=1#top')).toBe(
      join(root, 'assets/panel-x1.js'),
    );
    expect(resolveAppAsset(root, 'ha-tray://app/')).toBe(join(root, 'settings.html'));
  });

  it('keeps dot segments that the URL parser resolves inside the folder', () => {
    expect(resolveAppAsset(root, 'ha-tray://app/../../secret.json')).toBe(
      join(root, 'secret.json'),
    );
  });

  it('refuses traversal, other hosts and other schemes', () => {
    for (const url of [
      'ha-tray://app/assets/%2e%2e%2f%2e%2e%2fsecret',
      'ha-tray://app/%00.html',
      'ha-tray://app/%E0%A4%A',
      'ha-tray://other/settings.html',
      'file:///opt/ha-tray/out/renderer/settings.html',
      'nonsense',
    ]) {
      expect(resolveAppAsset(root, url)).toBeNull();
    }
  });
});
