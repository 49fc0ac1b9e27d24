import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import type { AppStatus } from '../../../src/shared/app-status';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { appStatus, installFakeBridge, noToken, withInstances } from '../fake-bridge';

const savedToken = { ...noToken, present: true, state: 'ready' as const };
const home = appStatus({
  key: 'first',
  name: 'Home',
  connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
  instance: { origin: 'http://home.lan:8123', locationName: 'Home' },
  token: savedToken,
});
const cabin = appStatus({
  key: 'cabin',
  name: 'Cabin',
  connection: { state: 'offline' },
  instance: { origin: 'http://cabin.lan:8123', locationName: 'Cabin' },
  token: savedToken,
});
const two = withInstances([
  {
    key: 'first',
    origin: 'http://home.lan:8123',
    locationName: 'Home',
    rules: [
      {
        id: 'r1',
        entityId: 'binary_sensor.front_door',
        enabled: true,
        kind: 'becomes',
        states: ['on'],
        cooldownSeconds: 60,
      },
    ],
  },
  {
    key: 'cabin',
    origin: 'http://cabin.lan:8123',
    locationName: 'Cabin',
    rules: [
      {
        id: 'r2',
        entityId: 'binary_sensor.cabin_door',
        enabled: true,
        kind: 'becomes',
        states: ['on'],
        cooldownSeconds: 60,
      },
    ],
  },
]);

function open(hash: string, settings: Settings = two, others: Record<string, AppStatus> = {}) {
  window.location.hash = hash;
  const fake = installFakeBridge(home, settings, [], {
    cabin: { status: cabin, entities: [] },
    ...Object.fromEntries(
      Object.entries(others).map(([key, status]) => [key, { status, entities: [] }]),
    ),
  });
  const user = userEvent.setup();
  render(<SettingsApp />);
  return { ...fake, user };
}

const instanceList = () => screen.getByRole('list', { name: 'Home Assistants' });

afterEach(() => {
  window.location.hash = '';
});

describe('the settings window with several Home Assistants', () => {
  it('lists them first on the Connection page, each with its connection, and opens one by its name', async () => {
    const { api, user } = open('#/connection');
    const list = await screen.findByRole('list', { name: 'Home Assistants' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((row) => row.textContent),
      ).toEqual([
        expect.stringContaining('HomeConnected'),
        expect.stringContaining('CabinOffline'),
      ]),
    );
    // The route names no instance: the first one is shown, and marked.
    expect(screen.getByRole('heading', { level: 2, name: 'Home' })).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-current', 'true');

    await user.click(within(list).getByRole('link', { name: 'Cabin' }));
    expect(window.location.hash).toBe('#/connection/cabin');
    expect(await screen.findByRole('heading', { level: 2, name: 'Cabin' })).toBeInTheDocument();
    expect(screen.getByLabelText('Home Assistant address')).toHaveValue('http://cabin.lan:8123');
    expect(api.getStatus).toHaveBeenCalledWith('cabin');
  });

  it('"Add a Home Assistant" adds one and opens its Connection page, the first-run page', async () => {
    const { api, user, emit } = open('#/connection', two, {
      added: appStatus({ key: 'added', name: 'Home Assistant' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Add a Home Assistant' }));
    expect(api.addInstance).toHaveBeenCalledOnce();
    expect(window.location.hash).toBe('#/connection/added');
    act(() =>
      emit('settings', withInstances([...two.instances, { key: 'added' }], DEFAULT_SETTINGS)),
    );
    expect(await screen.findByRole('heading', { name: 'Or type its address' })).toBeInTheDocument();
    expect(screen.getByLabelText('Home Assistant address')).toHaveValue('');
    expect(api.getStatus).toHaveBeenCalledWith('added');
  });

  it('renames one; an empty name gives it back Home Assistant’s own', async () => {
    const { api, user } = open('#/connection');
    await user.click(await screen.findByRole('button', { name: 'Rename Cabin' }));
    const field = within(instanceList()).getByRole('textbox', { name: 'Name' });
    expect(field).toHaveFocus();
    await user.type(field, 'Holiday house');
    await user.click(within(instanceList()).getByRole('button', { name: 'Save' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('cabin', { name: 'Holiday house' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Rename Cabin' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Rename Cabin' }));
    await user.clear(within(instanceList()).getByRole('textbox', { name: 'Name' }));
    await user.keyboard('{Enter}');
    expect(api.updateInstance).toHaveBeenLastCalledWith('cabin', { name: null });
  });

  it('keeps a name to 40 characters, and says why main refused one', async () => {
    const { api, user } = open('#/connection');
    api.updateInstance.mockResolvedValueOnce({
      ok: false,
      error: { code: 'failed', message: 'The settings could not be saved.' },
    } as never);
    await user.click(await screen.findByRole('button', { name: 'Rename Cabin' }));
    const field = within(instanceList()).getByRole('textbox', { name: 'Name' });
    await user.type(field, 'x'.repeat(45));
    expect(field).toHaveValue('x'.repeat(40));
    await user.click(within(instanceList()).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The settings could not be saved.')).toHaveClass('error');
    expect(field).toBeInTheDocument();
  });

  it('removes one after asking, revoking its token there first unless the user unticks it', async () => {
    const { api, user } = open('#/connection');
    await user.click(await screen.findByRole('button', { name: 'Remove Cabin' }));
    const step = screen.getByRole('alertdialog', { name: 'Remove Cabin?' });
    const revoke = within(step).getByRole('checkbox', {
      name: 'Revoke HA Tray’s token in that Home Assistant first',
    });
    expect(revoke).toBeChecked();
    expect(within(step).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(step).getByRole('button', { name: 'Remove' }));
    expect(api.removeInstance).toHaveBeenLastCalledWith('cabin', { revokeToken: true });
    expect(await screen.findByText(/Cabin is removed, and HA Tray’s token there is revoked/)).toBe(
      document.activeElement,
    );

    await user.click(screen.getByRole('button', { name: 'Remove Cabin' }));
    await user.click(
      screen.getByRole('checkbox', { name: 'Revoke HA Tray’s token in that Home Assistant first' }),
    );
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(api.removeInstance).toHaveBeenLastCalledWith('cabin', { revokeToken: false });
  });

  it('says so when the token could not be revoked, with what to do', async () => {
    const { api, user } = open('#/connection');
    api.removeInstance.mockResolvedValueOnce({
      ok: true,
      value: { revoked: false, revokeProblem: 'Cabin did not answer.' },
    });
    await user.click(await screen.findByRole('button', { name: 'Remove Cabin' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    const notice = await screen.findByText(/Its token could not be revoked: Cabin did not answer/);
    expect(notice).toHaveTextContent('Long-lived access tokens');
    expect(notice).toHaveClass('warn');
  });

  it('when one is left, the list moves below the page and what Remove said keeps focus', async () => {
    const { user, emit } = open('#/connection/cabin');
    await user.click(await screen.findByRole('button', { name: 'Remove Cabin' }));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByText(/Cabin is removed/);
    act(() => emit('settings', withInstances([two.instances[0]!])));
    await waitFor(() =>
      expect(screen.queryByRole('heading', { level: 2, name: 'Home' })).not.toBeInTheDocument(),
    );
    expect(screen.getByText(/Cabin is removed/)).toHaveFocus();
    expect(screen.queryByRole('link', { name: 'Home' })).not.toBeInTheDocument();
  });

  it('Cancel keeps it, and nothing is removed', async () => {
    const { api, user } = open('#/connection');
    const remove = await screen.findByRole('button', { name: 'Remove Cabin' });
    await user.click(remove);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
    expect(api.removeInstance).not.toHaveBeenCalled();
  });

  it('the Notifications page edits the route’s instance’s rules, with a switcher; quiet hours stay global', async () => {
    const { api, user } = open('#/notifications/cabin');
    const switcher = await screen.findByRole('combobox', { name: 'Home Assistant' });
    expect(switcher).toHaveValue('cabin');
    expect(screen.getByRole('heading', { name: /binary_sensor\.cabin_door/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /front_door/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'When it becomes on' }));
    expect(api.updateInstance).toHaveBeenLastCalledWith('cabin', {
      rules: [expect.objectContaining({ id: 'r2', enabled: false })],
    });

    await user.selectOptions(switcher, 'first');
    expect(window.location.hash).toBe('#/notifications/first');
    expect(
      await screen.findByRole('heading', { name: /binary_sensor\.front_door/ }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /No notifications between/ }));
    expect(api.updateSettings).toHaveBeenLastCalledWith({
      notifications: expect.objectContaining({
        quietHours: expect.objectContaining({ enabled: true }),
      }),
    });
  });

  it('the Token page reads the route’s instance’s token, and the sidebar keeps the instance', async () => {
    const { api } = open('#/token/cabin');
    await waitFor(() => expect(api.getTokenStatus).toHaveBeenCalledWith('cabin'));
    const sidebar = screen.getByRole('navigation', { name: 'Settings pages' });
    expect(within(sidebar).getByRole('link', { name: 'Notifications' })).toHaveAttribute(
      'href',
      '#/notifications/cabin',
    );
  });

  it('a route naming an instance that is gone shows the first', async () => {
    const { api } = open('#/connection/gone');
    expect(await screen.findByRole('heading', { level: 2, name: 'Home' })).toBeInTheDocument();
    expect(api.getStatus).not.toHaveBeenCalledWith('gone');
  });
});

describe('the settings window with one Home Assistant', () => {
  const one = withInstances([
    { key: 'first', origin: 'http://home.lan:8123', locationName: 'Home' },
  ]);

  it('shows no switcher, and the list only below the Connection page', async () => {
    window.location.hash = '#/connection';
    installFakeBridge(home, one);
    render(<SettingsApp />);
    const title = await screen.findByRole('heading', { level: 1, name: 'Connection' });
    const list = screen.getByRole('list', { name: 'Home Assistants' });
    // After everything the page had before.
    expect(
      title.compareDocumentPosition(screen.getByRole('heading', { name: 'Token storage' })) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      screen.getByRole('heading', { name: 'Token storage' }).compareDocumentPosition(list) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(within(list).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Home Assistant' })).not.toBeInTheDocument();
  });

  it('a first run shows no list: it is about signing in', async () => {
    window.location.hash = '#/connection';
    installFakeBridge(appStatus(), DEFAULT_SETTINGS);
    render(<SettingsApp />);
    expect(await screen.findByRole('heading', { name: 'Or type its address' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Home Assistants' })).not.toBeInTheDocument();
  });
});
