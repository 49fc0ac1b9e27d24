import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSettingsRoute } from '../../../src/renderer/hooks/useSettingsRoute';

const hashChange = (hash: string) =>
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

describe('useSettingsRoute', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('reads the page and the instance from the hash, and falls back for unknown pages', () => {
    window.location.hash = '/token/cabin';
    const { result } = renderHook(() => useSettingsRoute('connection'));
    expect(result.current[0]).toEqual({ page: 'token', instance: 'cabin' });
    hashChange('/nonsense');
    expect(result.current[0]).toEqual({ page: 'connection', instance: null });
    hashChange('/favourites');
    expect(result.current[0]).toEqual({ page: 'favourites', instance: null });
  });

  it('navigates by updating the hash, keeping the instance unless told another', () => {
    window.location.hash = '/notifications/cabin';
    const { result } = renderHook(() => useSettingsRoute('connection'));
    act(() => result.current[1]('token'));
    hashChange(window.location.hash);
    expect(window.location.hash).toBe('#/token/cabin');
    act(() => result.current[1]('token', 'first'));
    hashChange(window.location.hash);
    expect(result.current[0]).toEqual({ page: 'token', instance: 'first' });
    act(() => result.current[1]('about', null));
    hashChange(window.location.hash);
    expect(window.location.hash).toBe('#/about');
  });
});
