import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { GeneralPage } from '../../../src/renderer/settings/pages/GeneralPage';
import type { DesktopStatus } from '../../../src/shared/desktop-status';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { entityView, installFakeBridge, withInstances } from '../fake-bridge';

const desktop = (overrides: Partial<DesktopStatus> = {}): DesktopStatus => ({
  startAtLogin: false,
  shortcut: { accelerator: 'CommandOrControl+Alt+H', registered: true, message: null },
  mac: false,
  ...overrides,
});
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const failed = (message: string) =>
  Promise.resolve({ ok: false as const, error: { code: 'failed' as const, message } });

function setup(status = desktop()) {
  const fake = installFakeBridge();
  const user = userEvent.setup();
  const entities = [
    entityView('sensor.outside', '21.5', { unit_of_measurement: '°C', friendly_name: 'Outside' }),
    entityView('light.kitchen', 'on', { friendly_name: 'Kitchen' }),
  ];
  render(
    <GeneralPage
      desktop={status}
      settings={DEFAULT_SETTINGS}
      lists={new Map([['first', entities]])}
    />,
  );
  return { ...fake, user };
}

describe('GeneralPage: start at login', () => {
  it('shows the system’s state and asks main to change it', async () => {
    const { user, api } = setup(desktop({ startAtLogin: true }));
    api.setStartAtLogin.mockReturnValue(ok(desktop()));
    const toggle = screen.getByRole('switch', { name: 'Start HA Tray when I log in' });
    expect(toggle).toBeChecked();
    await user.click(toggle);
    expect(api.setStartAtLogin).toHaveBeenCalledWith(false);
  });

  it('says when the system refused', async () => {
    const { user, api } = setup();
    api.setStartAtLogin.mockReturnValue(failed('Your system did not let HA Tray start at login.'));
    await user.click(screen.getByRole('switch'));
    expect(await screen.findByRole('alert')).toHaveTextContent('did not let HA Tray start');
  });
});

describe('GeneralPage: shortcut editor', () => {
  /** The first button of the group named by the label: its own name is what it shows. */
  const recorder = () =>
    within(screen.getByRole('group', { name: 'Open the panel from anywhere' })).getAllByRole(
      'button',
    )[0]!;

  it('names the recorder by the combination it shows (label in name), its group by the label', () => {
    setup();
    expect(recorder()).toHaveAccessibleName('Ctrl+Alt+H');
    expect(recorder()).toHaveAccessibleDescription(/Click to record/);
  });

  it('records a combination with a modifier and hands it to main', async () => {
    const { user, api } = setup();
    api.setGlobalShortcut.mockReturnValue(ok(desktop()));
    expect(recorder()).toHaveTextContent('Ctrl+Alt+H');
    await user.click(recorder());
    expect(recorder()).toHaveTextContent('Press the new combination…');
    await user.keyboard('{Control>}{Shift>}P{/Shift}{/Control}');
    expect(api.setGlobalShortcut).toHaveBeenCalledWith('CommandOrControl+Shift+P');
  });

  it('refuses a key without a modifier on the page, without asking main', async () => {
    const { user, api } = setup();
    await user.click(recorder());
    await user.keyboard('{Shift>}P{/Shift}');
    expect(screen.getByRole('alert')).toHaveTextContent('Add Ctrl, Alt or Cmd');
    expect(api.setGlobalShortcut).not.toHaveBeenCalled();
  });

  it('shows main’s answer when another app holds the combination', async () => {
    const { user, api } = setup();
    api.setGlobalShortcut.mockReturnValue(
      failed('Ctrl+Alt+T is already taken by another app. Choose another combination.'),
    );
    await user.click(recorder());
    await user.keyboard('{Control>}{Alt>}t{/Alt}{/Control}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ctrl+Alt+T is already taken by another app',
    );
  });

  it('Esc cancels recording; Clear disables the shortcut', async () => {
    const { user, api } = setup();
    api.setGlobalShortcut.mockReturnValue(ok(desktop()));
    await user.click(recorder());
    await user.keyboard('{Escape}');
    expect(recorder()).toHaveTextContent('Ctrl+Alt+H');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(api.setGlobalShortcut).toHaveBeenCalledWith('');
  });

  it('shows why a saved shortcut is not working', () => {
    setup(
      desktop({
        shortcut: {
          accelerator: 'CommandOrControl+Alt+H',
          registered: false,
          message: 'Ctrl+Alt+H is already taken by another app. Choose another combination.',
        },
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('already taken by another app');
  });
});

describe('GeneralPage: sensor in the tray', () => {
  it('offers sensors and things with a unit, and saves the choice', async () => {
    const { user, api } = setup();
    const select = screen.getByLabelText('Sensor in the tray');
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'None',
      'Outside',
    ]);
    await user.selectOptions(select, 'Outside');
    expect(api.updateSettings).toHaveBeenCalledWith({
      ui: { ...DEFAULT_SETTINGS.ui, traySensor: { instance: 'first', entityId: 'sensor.outside' } },
    });
  });

  it('with several Home Assistants, lists each one’s sensors under its name and saves which', async () => {
    const { api } = installFakeBridge();
    const user = userEvent.setup();
    const settings = withInstances([
      { key: 'first', name: 'Home' },
      { key: 'cabin', name: 'Cabin' },
    ]);
    const temperature = (area: string) =>
      entityView('sensor.temperature', '19', { unit_of_measurement: '°C', friendly_name: area });
    render(
      <GeneralPage
        desktop={desktop()}
        settings={settings}
        lists={
          new Map([
            ['first', [temperature('Living room')]],
            ['cabin', [temperature('Cabin porch')]],
          ])
        }
      />,
    );
    const select = screen.getByLabelText('Sensor in the tray');
    expect(within(select).getByRole('group', { name: 'Cabin' })).toHaveTextContent('Cabin porch');
    await user.selectOptions(select, 'Cabin porch');
    expect(api.updateSettings).toHaveBeenCalledWith({
      ui: {
        ...DEFAULT_SETTINGS.ui,
        traySensor: { instance: 'cabin', entityId: 'sensor.temperature' },
      },
    });
  });
});
