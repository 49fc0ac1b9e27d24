import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useHashRoute } from '../../../src/renderer/hooks/useHashRoute';

const pages = ['connection', 'favourites', 'token'] as const;

describe('useHashRoute', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('reads the page from the hash and falls back for unknown pages', () => {
    window.location.hash = '/token';
    const { result } = renderHook(() => useHashRoute(pages, 'connection'));
    expect(result.current[0]).toBe('token');
    act(() => {
      window.location.hash = '/nonsense';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(result.current[0]).toBe('connection');
  });

  it('navigates by updating the hash', () => {
    const { result } = renderHook(() => useHashRoute(pages, 'connection'));
    act(() => {
      result.current[1]('favourites');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(window.location.hash).toBe('#/favourites');
    expect(result.current[0]).toBe('favourites');
  });
});
