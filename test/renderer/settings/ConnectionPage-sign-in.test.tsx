import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionPage } from '../../../src/renderer/settings/pages/ConnectionPage';
import type { AppStatus } from '../../../src/shared/app-status';
import type { DiscoveryView } from '../../../src/shared/discovery';
import type { SignInStatus } from '../../../src/shared/sign-in';
import { appStatus, installFakeBridge, noToken } from '../fake-bridge';
import { browsing, discovered, signInAt } from '../../support/sign-in-values';

const home = discovered();
const cottage = discovered({
  uuid: 'b2',
  locationName: 'Cottage',
  url: 'https://cottage.lan:8123',
  version: '2024.1.0',
});
const attic = discovered({
  uuid: 'c3',
  locationName: 'Attic',
  url: 'http://192.168.1.30:8123',
  version: '2023.12.4',
  supported: false,
});
const configured = appStatus({
  instance: { origin: 'http://192.168.1.10:8123', locationName: 'Home' },
  connection: { state: 'connected', since: Date.now(), haVersion: '2025.6.1' },
  token: { ...noToken, present: true, state: 'ready' },
});

function setup(status: AppStatus = appStatus()) {
  const fake = installFakeBridge(status);
  const onFirstConnection = vi.fn();
  const user = userEvent.setup();
  const view = render(<ConnectionPage status={status} onFirstConnection={onFirstConnection} />);
  /** What main says next about the network or the sign-in. */
  const tell = (name: 'discovery' | 'signIn', value: DiscoveryView | SignInStatus) =>
    act(() => fake.emit(name, value));
  return { ...fake, user, onFirstConnection, view, tell };
}

const networkList = () => screen.getByRole('list', { name: 'Home Assistant on this network' });
const instanceButton = (name: string) => screen.getByRole('button', { name });

describe('Connection page, first run: Home Assistant on this network', () => {
  it('follows the discovery as it opens, says it is looking, then lists what answers live', async () => {
    const { api, tell } = setup();
    expect(api.onDiscovery).toHaveBeenCalled();
    await tell('discovery', browsing());
    const looking = screen.getByText('Looking for Home Assistant…');
    expect(looking.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.queryByRole('status', { name: /Looking/ })).toBeNull();

    await tell('discovery', browsing([home]));
    expect(screen.queryByText('Looking for Home Assistant…')).not.toBeInTheDocument();
    await tell('discovery', { state: 'idle', instances: [home, cottage], message: null });
    const rows = within(networkList()).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Home http://192.168.1.10:8123 Home Assistant 2025.6.1',
      'Cottage https://cottage.lan:8123 Home Assistant 2024.1.0',
    ]);
    // Named by all it shows: its place, its address (two homes are often both "Home"), its version.
    expect(within(rows[0]!).getByRole('button')).toHaveAccessibleName(
      'Home http://192.168.1.10:8123 Home Assistant 2025.6.1',
    );
  });

  it('one click on a row starts the sign-in with its address, and puts it in the field', async () => {
    const { api, user, tell } = setup();
    await tell('discovery', browsing([home, cottage]));
    await user.click(instanceButton('Cottage https://cottage.lan:8123 Home Assistant 2024.1.0'));
    expect(api.startSignIn).toHaveBeenCalledTimes(1);
    expect(api.startSignIn).toHaveBeenCalledWith('first', { url: 'https://cottage.lan:8123' });
    expect(screen.getByLabelText('Home Assistant address')).toHaveValue('https://cottage.lan:8123');
  });

  it('lists one too old with why, and does not offer it', async () => {
    const { api, user, tell } = setup();
    await tell('discovery', browsing([attic]));
    const row = within(networkList()).getByRole('listitem');
    expect(row).toHaveTextContent('Attic');
    expect(row).toHaveTextContent('Home Assistant 2023.12.4');
    expect(row).toHaveTextContent(
      'Too old for HA Tray, which needs Home Assistant 2024.1 or later',
    );
    expect(within(row).queryByRole('button')).toBeNull();
    await user.click(row);
    expect(api.startSignIn).not.toHaveBeenCalled();
  });

  it('says why nothing is listed when main gives a reason, and searches again on request', async () => {
    const { api, user, tell } = setup();
    const message =
      'No Home Assistant answered. It may be on another network, or a firewall blocks the search.';
    await tell('discovery', { state: 'idle', instances: [], message });
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.queryByText('Looking for Home Assistant…')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search again' }));
    expect(api.refreshDiscovery).toHaveBeenCalledTimes(1);
    await tell('discovery', {
      state: 'unavailable',
      instances: [],
      message: 'This computer cannot search the network.',
    });
    expect(screen.getByText('This computer cannot search the network.')).toBeInTheDocument();
  });

  it('says why the list could not be read, and reads it again on "Try again"', async () => {
    const { api, user } = setupFailingDiscovery();
    expect(await screen.findByRole('alert')).toHaveTextContent('The network search failed.');
    expect(screen.queryByText('Looking for Home Assistant…')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(api.getDiscovery).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('marks the saved Home Assistant, which the button under the address signs in to', async () => {
    const { tell } = setup(configured);
    await tell(
      'discovery',
      browsing([{ ...home, savedAs: { key: 'first', name: 'Home' } }, cottage]),
    );
    const saved = within(networkList()).getAllByRole('listitem')[0]!;
    expect(saved).toHaveTextContent('Connected');
    expect(within(saved).queryByRole('button')).toBeNull();
    expect(
      instanceButton('Cottage https://cottage.lan:8123 Home Assistant 2024.1.0'),
    ).toBeEnabled();
  });

  it('marks one another instance follows as added, and offers no sign-in to it', async () => {
    const { tell } = setup(configured);
    await tell('discovery', browsing([{ ...home, savedAs: { key: 'cabin', name: 'Cabin' } }]));
    const row = within(networkList()).getByRole('listitem');
    expect(row).toHaveTextContent('Added as Cabin');
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('marks it "Set up" while it is not connected', async () => {
    const { tell } = setup({ ...configured, connection: { state: 'offline' } });
    await tell('discovery', browsing([{ ...home, savedAs: { key: 'first', name: 'Home' } }]));
    expect(within(networkList()).getByRole('listitem')).toHaveTextContent('Set up');
  });
});

describe('Connection page: the typed address and the sign-in', () => {
  it('signs in with the typed address, from the button or with Enter, once it is an address', async () => {
    const { api, user } = setup();
    const button = screen.getByRole('button', { name: 'Sign in with Home Assistant' });
    expect(button).toBeDisabled();
    const field = screen.getByLabelText('Home Assistant address');
    await user.type(field, 'ftp://h');
    expect(button).toBeDisabled();
    await user.clear(field);
    await user.type(field, 'ha.lan');
    await user.click(button);
    expect(api.startSignIn).toHaveBeenLastCalledWith('first', { url: 'ha.lan' });
    await user.type(field, ':8124{Enter}');
    expect(api.startSignIn).toHaveBeenLastCalledWith('first', { url: 'ha.lan:8124' });
    expect(api.startSignIn).toHaveBeenCalledTimes(2);
  });

  it('while main waits for the browser: what to do there, with the address, and Cancel', async () => {
    const { api, user, tell } = setup();
    await tell('discovery', browsing([home]));
    await user.click(instanceButton('Home http://192.168.1.10:8123 Home Assistant 2025.6.1'));
    await tell('signIn', signInAt('waiting'));
    const waiting = screen.getByText('Finish signing in in your browser');
    expect(waiting.closest('[aria-live="polite"]')).not.toBeNull();
    expect(waiting.parentElement).toHaveTextContent('login page of http://192.168.1.10:8123');

    await user.click(screen.getByRole('button', { name: 'Cancel sign-in' }));
    expect(api.cancelSignIn).toHaveBeenCalledTimes(1);
    // The attempt ended: Cancel goes, and focus is on signing in again, not on the page body.
    await tell('signIn', { phase: 'idle', origin: null, message: 'Sign-in cancelled.' });
    expect(screen.queryByRole('button', { name: 'Cancel sign-in' })).not.toBeInTheDocument();
    expect(screen.getByText('Sign-in cancelled.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign in with Home Assistant' })).toHaveFocus();
  });

  it('after Cancel with nothing typed, focus goes to the address', async () => {
    const { user, tell } = setup();
    await tell('signIn', signInAt('waiting'));
    await user.click(screen.getByRole('button', { name: 'Cancel sign-in' }));
    await tell('signIn', { phase: 'idle', origin: null, message: null });
    expect(screen.getByLabelText('Home Assistant address')).toHaveFocus();
  });

  it('says it is busy while main makes the token, then a failure as an alert with the list still usable', async () => {
    const { api, user, tell } = setup();
    await tell('discovery', browsing([home, cottage]));
    await user.click(instanceButton('Home http://192.168.1.10:8123 Home Assistant 2025.6.1'));
    await tell('signIn', signInAt('finishing'));
    expect(screen.getByText(/Signing in to http:\/\/192\.168\.1\.10:8123/)).toBeInTheDocument();
    const why = 'Home Assistant refused the sign-in: access was denied in the browser.';
    await tell('signIn', signInAt('failed', why));
    expect(screen.getByRole('alert')).toHaveTextContent(`Could not sign in.${why}`);
    await user.click(instanceButton('Cottage https://cottage.lan:8123 Home Assistant 2024.1.0'));
    expect(api.startSignIn).toHaveBeenLastCalledWith('first', { url: 'https://cottage.lan:8123' });
  });

  it("says main's refusal to start as an alert", async () => {
    const { api, user } = setup();
    api.startSignIn.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'invalid_url',
        message: 'Home Assistant addresses start with http:// or https://.',
      },
    });
    await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Home Assistant addresses start with http:// or https://.',
    );
  });

  it('after a first run signs in, the window leads on to the favourites', async () => {
    const { user, tell, onFirstConnection } = setup();
    await tell('discovery', browsing([home]));
    await user.click(instanceButton('Home http://192.168.1.10:8123 Home Assistant 2025.6.1'));
    await tell('signIn', signInAt('waiting'));
    await tell('signIn', signInAt('finishing'));
    expect(onFirstConnection).not.toHaveBeenCalled();
    await tell('signIn', signInAt('signed_in', 'HA Tray made the token “HA Tray on laptop”.'));
    expect(onFirstConnection).toHaveBeenCalledTimes(1);
  });

  it('does not lead on after a sign-in that failed, nor after one it did not start', async () => {
    const { user, tell, onFirstConnection } = setup();
    // Ended before this page asked (the window was opened again afterwards).
    await tell('signIn', signInAt('waiting'));
    await tell('signIn', signInAt('signed_in'));
    await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan{Enter}');
    await tell('signIn', signInAt('waiting'));
    await tell('signIn', signInAt('failed', 'Home Assistant restarted during the sign-in.'));
    await tell('signIn', signInAt('signed_in'));
    expect(onFirstConnection).not.toHaveBeenCalled();
  });

  it('once set up, the same button replaces the token, says so, and shows how it went', async () => {
    const { api, user, tell, onFirstConnection } = setup(configured);
    expect(screen.queryByRole('button', { name: 'Use a token instead' })).toBeNull();
    expect(screen.getByLabelText('Long-lived access token')).toBeVisible();
    expect(screen.getByText(/revokes the token it replaces once the new one works/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Sign in with Home Assistant' }));
    expect(api.startSignIn).toHaveBeenCalledWith('first', { url: 'http://192.168.1.10:8123' });
    await tell('signIn', signInAt('waiting'));
    const named = 'The new token is “HA Tray on laptop”; the old one was revoked.';
    await tell('signIn', signInAt('signed_in', named));
    expect(screen.getByText(named)).toBeInTheDocument();
    expect(screen.getByText('Signed in to http://192.168.1.10:8123.')).toBeInTheDocument();
    expect(onFirstConnection).not.toHaveBeenCalled();
  });
});

describe('Connection page, first run: the pasted token', () => {
  it('waits behind "Use a token instead", a disclosure', async () => {
    const { user } = setup();
    const disclosure = screen.getByRole('button', { name: 'Use a token instead' });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    const part = document.getElementById(disclosure.getAttribute('aria-controls')!)!;
    expect(part).not.toBeVisible();
    expect(screen.queryByRole('button', { name: 'Test connection' })).toBeNull();
    await user.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    expect(part).toBeVisible();
    expect(disclosure).toHaveFocus();
    // Next in the Tab order: the token.
    await user.tab();
    expect(screen.getByLabelText('Long-lived access token')).toHaveFocus();
    expect(within(part).getByRole('button', { name: 'Test connection' })).toBeInTheDocument();
  });
});

function setupFailingDiscovery() {
  const fake = installFakeBridge(appStatus());
  fake.api.getDiscovery.mockResolvedValueOnce({
    ok: false,
    error: { code: 'failed', message: 'The network search failed.' },
  });
  const user = userEvent.setup();
  render(<ConnectionPage status={appStatus()} />);
  return { ...fake, user };
}
