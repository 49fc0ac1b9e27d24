import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LoadingValues } from '../../../src/renderer/components/LoadingValues';
import { useMainValue } from '../../../src/renderer/hooks/useMainValue';
import { useSettings } from '../../../src/renderer/hooks/useSettings';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, installFakeBridge, withInstance } from '../fake-bridge';

const failed = (message: string) => ({
  ok: false as const,
  error: { code: 'failed' as const, message, reason: 'locked' },
});

describe('useMainValue', () => {
  it('reads a value once, follows its changed event, and shares both across components', async () => {
    const { api, emit } = installFakeBridge(appStatus());
    const { result } = renderHook(() => ({
      a: useMainValue('status', 'first'),
      b: useMainValue('status', 'first'),
    }));
    await waitFor(() => expect(result.current.a?.connection.state).toBe('not_configured'));
    expect(result.current.b).toBe(result.current.a);
    expect(api.getStatus).toHaveBeenCalledOnce();
    expect(api.onStatus).toHaveBeenCalledOnce();

    const next = appStatus({ connection: { state: 'connecting' } });
    act(() => emit('status', next));
    expect(result.current.a).toEqual(next);
  });

  it('subscribes before it reads, and keeps a change that came before the answer', async () => {
    const { api, emit } = installFakeBridge();
    let answer: (value: unknown) => void = () => undefined;
    api.getSettings.mockImplementation(
      () => new Promise((resolve) => (answer = resolve as (value: unknown) => void)),
    );
    const { result } = renderHook(() => useSettings());
    expect(api.onSettings.mock.invocationCallOrder[0]).toBeLessThan(
      api.getSettings.mock.invocationCallOrder[0]!,
    );
    const changed = withInstance({ favourites: [{ entityId: 'light.kitchen' }] });
    act(() => emit('settings', changed));
    await act(async () => answer({ ok: true, value: DEFAULT_SETTINGS }));
    expect(result.current).toEqual(changed);
  });

  it('keeps an instance’s own value apart from another’s, and reads nothing without a key', async () => {
    const cabin = appStatus({ key: 'cabin', name: 'Cabin', connection: { state: 'offline' } });
    const { api, emit } = installFakeBridge(appStatus(), undefined, [], {
      cabin: { status: cabin, entities: [] },
    });
    const { result } = renderHook(() => ({
      first: useMainValue('status', 'first'),
      cabin: useMainValue('status', 'cabin'),
      none: useMainValue('status', null),
    }));
    await waitFor(() => expect(result.current.cabin?.name).toBe('Cabin'));
    expect(result.current.first?.key).toBe('first');
    expect(api.onStatus).toHaveBeenCalledWith(expect.any(Function), 'cabin');
    expect(api.getStatus.mock.calls).toEqual([['first'], ['cabin']]);
    const back = { ...cabin, connection: { state: 'connecting' as const } };
    act(() => emit('status', back, 'cabin'));
    expect(result.current.cabin).toEqual(back);
    expect(result.current.first?.connection.state).toBe('not_configured');
    expect(result.current.none).toBeNull();
  });

  it('stops following when the last component goes', async () => {
    const { api } = installFakeBridge();
    const off = vi.fn();
    api.onSettings.mockReturnValue(off);
    const { unmount } = renderHook(() => useSettings());
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled());
    unmount();
    expect(off).toHaveBeenCalledOnce();
  });
});

describe('LoadingValues', () => {
  it('says "Loading…" until the values are there, then nothing', async () => {
    installFakeBridge();
    const { container } = render(
      <LoadingValues names={[{ name: 'status', instance: 'first' }, 'settings']} />,
    );
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });

  it('shows why a load failed instead of "Loading…" forever, and "Try again" reads again', async () => {
    const { api } = installFakeBridge();
    api.getSettings.mockResolvedValueOnce(
      failed('The settings file cannot be read. Check its permissions.') as never,
    );
    const user = userEvent.setup();
    const { container } = render(
      <LoadingValues names={[{ name: 'status', instance: 'first' }, 'settings']} />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The settings file cannot be read. Check its permissions.');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(api.getSettings).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });

  it('stays silent while loading when quiet, and still shows a failure', async () => {
    const { api } = installFakeBridge();
    api.getFavouriteEntities.mockResolvedValueOnce(
      failed('Home Assistant did not answer.') as never,
    );
    render(<LoadingValues names={[{ name: 'favouriteEntities', instance: 'first' }]} quiet />);
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Home Assistant did not answer.');
  });
});
