import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import { PanelApp } from '../../../src/renderer/panel/PanelApp';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import { appStatus, entityView, installFakeBridge } from '../fake-bridge';

const SENTENCE = 'HA Tray could not read its settings file. The details are in its log.';
const failure = { ok: false as const, error: { code: 'failed' as const, message: SENTENCE } };

describe('a page whose values fail to load', () => {
  it('the settings window says why and loads the page on "Try again"', async () => {
    const { api } = installFakeBridge(appStatus());
    api.getSettings.mockResolvedValueOnce(failure as never);
    const user = userEvent.setup();
    render(<SettingsApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent(SENTENCE);
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Connection' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['favourites', 'Loading entities…'],
    ['notifications', null],
  ])(
    'the %s page says why the entity list is missing, and lists it on "Try again"',
    async (page, loading) => {
      window.location.hash = `#/${page}`;
      onTestFinished(() => void (window.location.hash = ''));
      const { api } = installFakeBridge(appStatus(), undefined, [
        entityView('light.kitchen', 'on', { friendly_name: 'Kitchen lights' }),
      ]);
      api.listEntities.mockResolvedValueOnce(failure);
      const user = userEvent.setup();
      render(<SettingsApp />);
      expect(await screen.findByRole('alert')).toHaveTextContent(SENTENCE);
      if (loading) expect(screen.queryByText(loading)).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Try again' }));
      await waitFor(() => expect(api.listEntities).toHaveBeenCalledTimes(2));
      await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    },
  );

  it('the panel says why above its list', async () => {
    const { api } = installFakeBridge(appStatus());
    api.getFavouriteEntities.mockResolvedValueOnce(failure as never);
    render(<PanelApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent(SENTENCE);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
