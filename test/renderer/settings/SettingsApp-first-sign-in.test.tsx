import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, entityView, installFakeBridge } from '../fake-bridge';
import { browsing, discovered } from '../../support/sign-in-values';

describe('Settings window: after the first sign-in', () => {
  it('goes on to the Favourites page, which opens with suggestions focusable from its heading', async () => {
    window.location.hash = '#/connection';
    onTestFinished(() => void (window.location.hash = ''));
    const { api, emit } = installFakeBridge(appStatus(), DEFAULT_SETTINGS, [
      entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
      entityView('sensor.kitchen_temperature', '21', { friendly_name: 'Temperature' }, 'Kitchen'),
    ]);
    const user = userEvent.setup();
    render(<SettingsApp />);
    // The Connection page follows the discovery once it shows.
    await screen.findByRole('heading', { name: 'Connection' });
    act(() => emit('discovery', browsing([discovered()])));
    await user.click(
      screen.getByRole('button', { name: 'Home http://192.168.1.10:8123 Home Assistant 2025.6.1' }),
    );
    expect(api.startSignIn).toHaveBeenCalledWith('first', { url: 'http://192.168.1.10:8123' });
    const origin = 'http://192.168.1.10:8123';
    act(() => emit('signIn', { phase: 'waiting', origin, message: null }));
    act(() =>
      emit(
        'status',
        appStatus({
          instance: { origin, locationName: 'Home' },
          connection: { state: 'connected', since: Date.now(), haVersion: '2025.6.1' },
        }),
      ),
    );
    act(() => emit('signIn', { phase: 'signed_in', origin, message: null }));

    const heading = await screen.findByRole('heading', { name: 'Favourites', level: 1 });
    expect(window.location.hash).toBe('#/favourites');
    await waitFor(() => expect(heading).toHaveFocus());
    await screen.findByRole('group', { name: 'Suggested favourites' });
    await user.click(screen.getByRole('button', { name: 'Add Kitchen lights' }));
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      favourites: [{ entityId: 'light.kitchen' }],
    });
  });
});

describe('Settings window: opened on Favourites', () => {
  it('leaves the focus alone: only the way on from the sign-in moves it to the heading', async () => {
    window.location.hash = '#/favourites';
    onTestFinished(() => void (window.location.hash = ''));
    installFakeBridge(appStatus(), DEFAULT_SETTINGS, [
      entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }, 'Kitchen'),
    ]);
    render(<SettingsApp />);
    await screen.findByRole('group', { name: 'Suggested favourites' });
    expect(screen.getByRole('heading', { name: 'Favourites', level: 1 })).not.toHaveFocus();
    expect(document.body).toHaveFocus();
  });
});
