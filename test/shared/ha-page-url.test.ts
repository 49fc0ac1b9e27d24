import { describe, expect, it } from 'vitest';
import { haPageUrl } from '../../src/shared/ha-page-url';

describe('haPageUrl', () => {
  const origin = 'http://homeassistant.local:8123';

  it('builds URLs of pages on the configured instance', () => {
    expect(haPageUrl(origin, '/profile/security')).toBe(
      'http://homeassistant.local:8123/profile/security',
    );
    expect(haPageUrl('https://abcd.ui.nabu.casa', '/history?entity_id=light.kitchen')).toBe(
      'https://abcd.ui.nabu.casa/history?entity_id=light.kitchen',
    );
  });

  it('refuses anything that leaves the instance', () => {
    for (const path of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'profile',
      '',
    ]) {
      expect(haPageUrl(origin, path)).toBeNull();
    }
    expect(haPageUrl('file:///etc', '/passwd')).toBeNull();
    expect(haPageUrl('not a url', '/x')).toBeNull();
  });
});
