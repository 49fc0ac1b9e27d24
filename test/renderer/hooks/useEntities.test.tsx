import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { withLiveFavourites } from '../../../src/renderer/hooks/live-entities';
import { useEntities } from '../../../src/renderer/hooks/useEntities';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, entityView, installFakeBridge, withInstance } from '../fake-bridge';

describe('useEntities', () => {
  it('fetches the list again when entities come or go, and keeps favourites live', async () => {
    const settings = withInstance({ favourites: [{ entityId: 'light.kitchen' }] });
    const { api, emit } = installFakeBridge(appStatus(), settings, [
      entityView('light.kitchen', 'on'),
      entityView('sensor.temp', '20'),
    ]);
    const { result } = renderHook(() => useEntities(['first']));
    await waitFor(() => expect(result.current.lists?.get('first')).toHaveLength(2));
    expect(api.listEntities).toHaveBeenCalledTimes(1);

    act(() => emit('favouriteEntities', [entityView('light.kitchen', 'off')]));
    expect(
      result.current.lists?.get('first')?.find((e) => e.entity_id === 'light.kitchen')?.state,
    ).toBe('off');
    expect(api.listEntities).toHaveBeenCalledTimes(1);

    act(() => emit('entityListChanged', { size: 3 }));
    await waitFor(() => expect(api.listEntities).toHaveBeenCalledTimes(2));
  });

  it('says why the list could not be read, and reads it again on retry', async () => {
    const { api } = installFakeBridge(appStatus(), DEFAULT_SETTINGS, [
      entityView('light.kitchen', 'on'),
    ]);
    api.listEntities.mockResolvedValueOnce({
      ok: false,
      error: { code: 'failed', message: 'HA Tray is not connected to Home Assistant.' },
    });
    const { result } = renderHook(() => useEntities(['first']));
    await waitFor(() =>
      expect(result.current.failure?.message).toBe('HA Tray is not connected to Home Assistant.'),
    );
    expect(result.current.lists).toBeNull();
    act(() => result.current.failure!.retry());
    await waitFor(() => expect(result.current.lists?.get('first')).toHaveLength(1));
    expect(result.current.failure).toBeNull();
  });
});

describe('withLiveFavourites', () => {
  it('puts the live views of favourites in place of their fetched ones', () => {
    const list = [entityView('light.kitchen', 'on'), entityView('sensor.temp', '20')];
    expect(withLiveFavourites(list, [entityView('light.kitchen', 'off')])).toEqual([
      entityView('light.kitchen', 'off'),
      entityView('sensor.temp', '20'),
    ]);
    expect(withLiveFavourites(null, [entityView('light.kitchen', 'off')])).toBeNull();
    expect(withLiveFavourites(list, null)).toBe(list);
  });
});
