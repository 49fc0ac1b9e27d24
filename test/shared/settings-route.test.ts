import { describe, expect, it } from 'vitest';
import { parseSettingsHash, settingsHash } from '../../src/shared/settings-route';

describe("the settings window's route", () => {
  it('names a page, and the instance where the page is about one', () => {
    expect(settingsHash('about')).toBe('/about');
    expect(settingsHash('token', '3f9a21bc')).toBe('/token/3f9a21bc');
    expect(parseSettingsHash('#/token/3f9a21bc', 'connection')).toEqual({
      page: 'token',
      instance: '3f9a21bc',
    });
    expect(parseSettingsHash('#/favourites', 'connection')).toEqual({
      page: 'favourites',
      instance: null,
    });
  });

  it('reads anything else as the fallback page of no instance', () => {
    for (const hash of ['', '#', '#/nope', '#/First'])
      expect(parseSettingsHash(hash, 'connection')).toEqual({ page: 'connection', instance: null });
    expect(parseSettingsHash('#/token/First?x=1', 'connection')).toEqual({
      page: 'token',
      instance: null,
    });
    expect(parseSettingsHash('#/token/../x', 'connection')).toEqual({
      page: 'token',
      instance: null,
    });
  });
});
