import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PanelApp } from '../../../src/renderer/panel/PanelApp';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import { appStatus, installFakeBridge } from '../fake-bridge';

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

  it('the panel says why above its list', async () => {
    const { api } = installFakeBridge(appStatus());
    api.getFavouriteEntities.mockResolvedValueOnce(failure as never);
    render(<PanelApp />);
    expect(await screen.findByRole('alert')).toHaveTextContent(SENTENCE);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
