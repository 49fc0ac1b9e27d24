import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AboutPage } from '../../../src/renderer/settings/pages/AboutPage';
import type { AboutInfo } from '../../../src/shared/diagnostics';
import { appStatus, installFakeBridge } from '../fake-bridge';

const about: AboutInfo = {
  versions: { app: '0.1.0', electron: '45.4.1', chromium: '142.0.7444.265', node: '22.20.0' },
  homeAssistant: '2024.1.6',
  platform: 'linux x64',
  logFile: '/home/alice/.config/HA Tray/logs/ha-tray.log',
  history: [
    {
      at: Date.UTC(2026, 11, 2, 9),
      kind: 'connected',
      detail: 'Connected to Home Assistant 2024.1.6',
    },
    { at: Date.UTC(2026, 11, 2, 10), kind: 'dropped', detail: 'Connection lost: socket closed' },
  ],
};
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

function setup() {
  const fake = installFakeBridge();
  fake.api.getAbout.mockReturnValue(ok(about));
  const user = userEvent.setup();
  const view = render(<AboutPage status={appStatus()} />);
  return { ...fake, user, view };
}

describe('AboutPage', () => {
  it('shows every version and the history, newest first', async () => {
    setup();
    expect(await screen.findByText('45.4.1')).toBeInTheDocument();
    for (const text of ['0.1.0', '2024.1.6', '142.0.7444.265', '22.20.0', 'linux x64'])
      expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText('Log file').nextElementSibling).toHaveTextContent(
      '/home/alice/.config/HA Tray/logs/ha-tray.log',
    );
    const events = within(screen.getByRole('list', { name: /Connection history/ })).getAllByRole(
      'listitem',
    );
    expect(events.map((e) => e.textContent)).toEqual([
      expect.stringContaining('Connection lost: socket closed'),
      expect.stringContaining('Connected to Home Assistant 2024.1.6'),
    ]);
  });

  it('says why it could not load, never "Loading" for ever, and loads again on "Try again"', async () => {
    const { api } = installFakeBridge();
    api.getAbout
      .mockReturnValueOnce(
        Promise.resolve({
          ok: false,
          error: { code: 'failed', message: 'Could not read the log folder.' },
        }),
      )
      .mockReturnValue(ok(about));
    const user = userEvent.setup();
    render(<AboutPage status={appStatus()} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not read the log folder.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('45.4.1')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('loads the history again when the connection changes', async () => {
    const { api, view } = setup();
    await screen.findByText('45.4.1');
    view.rerender(<AboutPage status={appStatus({ connection: { state: 'offline' } })} />);
    expect(api.getAbout).toHaveBeenCalledTimes(2);
  });

  it('copies diagnostics with what the user chose to leave out, and shows the text', async () => {
    const { user, api } = setup();
    api.copyDiagnostics.mockReturnValue(ok('## HA Tray diagnostics\nAddress: http://ha.lan:8123'));
    await user.click(screen.getByLabelText('Leave out the Home Assistant address'));
    await user.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    expect(api.copyDiagnostics).toHaveBeenCalledWith({
      redactAddress: false,
      redactEntityNames: true,
    });
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    expect(screen.getByLabelText('Copied text')).toHaveTextContent('Address: http://ha.lan:8123');
    expect(screen.getByText('The token is never included.')).toBeInTheDocument();
  });

  it('switches debug lines in the log on through the settings', async () => {
    const { user, api } = setup();
    const box = await screen.findByRole('checkbox', { name: /Write debug lines too/ });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(api.updateSettings).toHaveBeenCalledWith({ diagnostics: { debugLog: true } });
  });
});
