import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ConnectionPage } from '../../../src/renderer/settings/pages/ConnectionPage';
import { SettingsApp } from '../../../src/renderer/settings/SettingsApp';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { appStatus, installFakeBridge, noToken, withInstance } from '../fake-bridge';

const PINNED_NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

const b64 = (v: object) =>
  btoa(JSON.stringify(v)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const TOKEN = `${b64({ alg: 'HS256' })}.${b64({ iss: 'x', iat: 1_700_000_000, exp: 2_100_000_000 })}.c2lnbmF0dXJl`;
const success = {
  ok: true,
  origin: 'http://ha.lan:8123',
  version: '2024.1.6',
  locationName: 'Cottage',
  userName: 'Anna',
  userId: 'u',
  isAdmin: true,
};

const weakRefused = appStatus({
  token: {
    ...noToken,
    state: 'weak_storage_refused',
    message: 'This computer has no keyring…',
    weakProtection: true,
  },
});
const weakStored = appStatus({
  token: {
    ...noToken,
    present: true,
    state: 'ready',
    protection: 'basic_text',
    weakProtection: true,
  },
});

function setup(status = appStatus()) {
  const fake = installFakeBridge(status);
  const user = userEvent.setup();
  render(<ConnectionPage status={status} />);
  return { ...fake, user };
}

type User = ReturnType<typeof userEvent.setup>;

/** On a first run the pasted token waits behind "Use a token instead". */
const openTokenPart = (user: User) =>
  user.click(screen.getByRole('button', { name: 'Use a token instead' }));

/** An address and a pasted token, then "Test connection". */
async function typeAndTest(user: User) {
  await openTokenPart(user);
  await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan:8123');
  await user.click(screen.getByLabelText('Long-lived access token'));
  await user.paste(TOKEN);
  await user.click(screen.getByRole('button', { name: 'Test connection' }));
}

/** A test that passes, then Save. */
async function testAndSave(user: User) {
  await typeAndTest(user);
  const save = screen.getByRole('button', { name: 'Save' });
  await waitFor(() => expect(save).toBeEnabled());
  await user.click(save);
}

describe('ConnectionPage', () => {
  it('has labelled fields and explains a bad address as you type', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Home Assistant address'), 'ftp://h');
    expect(screen.getByText(/not ftp:\/\//)).toBeInTheDocument();
    expect(screen.getByLabelText('Home Assistant address')).toHaveAttribute('aria-invalid', 'true');
    await user.clear(screen.getByLabelText('Home Assistant address'));
    await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan');
    expect(screen.getByText('HA Tray will connect to http://ha.lan:8123')).toBeInTheDocument();
  });

  it('has no port field beside the address: the port is part of the address', async () => {
    const { user } = setup();
    expect(screen.queryByLabelText(/port/i)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan:8124');
    expect(screen.getByText('HA Tray will connect to http://ha.lan:8124')).toBeInTheDocument();
  });

  it.each([
    {
      reason: 'refused',
      field: 'Home Assistant address',
      message: 'ha.lan refused the connection on port 8123.',
    },
    {
      reason: 'tls_expired',
      field: 'Home Assistant address',
      message: 'The certificate of ha.lan has expired.',
    },
    {
      reason: 'unauthorized',
      field: 'Long-lived access token',
      message: 'Home Assistant rejected the token.',
    },
  ])(
    'a failed test ($reason) is said at the field at fault, which is marked invalid and takes focus',
    async ({ reason, field, message }) => {
      const { user, api } = setup();
      api.testConnection.mockResolvedValue({ ok: true, value: { ok: false, reason, message } });
      await typeAndTest(user);
      const input = screen.getByLabelText(field);
      await waitFor(() => expect(input).toHaveFocus());
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveAccessibleDescription(expect.stringContaining(message));
      // Said once, at the field, not again below the buttons.
      expect(screen.getAllByText(message, { exact: false })).toHaveLength(1);
      // Changing the field withdraws the finding.
      await user.type(input, 'x');
      expect(screen.queryByText(message, { exact: false })).not.toBeInTheDocument();
    },
  );

  it("a failure that is no field's fault stays below the buttons", async () => {
    const { user, api } = setup();
    const message = 'Home Assistant is still starting. Try again in a minute.';
    api.testConnection.mockResolvedValue({
      ok: true,
      value: { ok: false, reason: 'starting', message },
    });
    await typeAndTest(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Home Assistant address')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
    expect(screen.getByLabelText('Long-lived access token')).toHaveAttribute(
      'aria-invalid',
      'false',
    );
  });

  // Save's answer and the status event travel separately: either may come first.
  it.each([
    ['after', true],
    ['before', false],
  ])(
    'after the first Save leads on to the favourites, focus there, when "connected" comes %s the answer',
    async (_order, answerFirst) => {
      const status = appStatus();
      const fake = installFakeBridge(status);
      const user = userEvent.setup();
      const view = render(<ConnectionPage status={status} />);
      fake.api.testConnection.mockResolvedValue({ ok: true, value: success });
      let answer!: () => void;
      fake.api.saveConnection.mockReturnValue(
        new Promise((resolve) => {
          answer = () => resolve({ ok: true, value: status });
        }),
      );
      await testAndSave(user);
      await waitFor(() => expect(fake.api.saveConnection).toHaveBeenCalled());
      if (answerFirst) {
        await act(async () => answer());
        await screen.findByText(/Saved\. HA Tray is connecting/);
      }
      view.rerender(
        <ConnectionPage
          status={appStatus({
            instance: { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
            connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
          })}
        />,
      );
      if (!answerFirst) await act(async () => answer());
      const next = await screen.findByRole('link', { name: 'Choose favourites' });
      expect(next).toHaveAttribute('href', '#/favourites');
      await waitFor(() => expect(next).toHaveFocus());
      expect(screen.queryByText(/Saved\. HA Tray is connecting/)).not.toBeInTheDocument();
    },
  );

  it('says only "Saved." when the connection made before Save stays up (a new token taken over)', async () => {
    const connected = appStatus({
      instance: { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
      connection: { state: 'connected', since: Date.now() - 60_000, haVersion: '2024.1.6' },
    });
    const fake = installFakeBridge(
      connected,
      withInstance({ favourites: [{ entityId: 'light.kitchen' }] }),
    );
    const user = userEvent.setup();
    render(<ConnectionPage status={connected} />);
    fake.api.testConnection.mockResolvedValue({ ok: true, value: success });
    fake.api.saveConnection.mockResolvedValue({ ok: true, value: connected });
    await user.click(screen.getByLabelText('Long-lived access token'));
    await user.paste(TOKEN);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const save = screen.getByRole('button', { name: 'Save' });
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    const saved = await screen.findByText('Saved.');
    await waitFor(() => expect(saved).toHaveFocus());
    expect(screen.queryByText(/connecting/)).not.toBeInTheDocument();
  });

  it('opens with focus in the address field on a first run', async () => {
    setup();
    await waitFor(() => expect(screen.getByLabelText('Home Assistant address')).toHaveFocus());
  });

  it('once set up, opens with focus on its heading, one Tab from the address', async () => {
    const { user } = setup(
      appStatus({
        instance: { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
        connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
      }),
    );
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Connection' })).toHaveFocus());
    await user.tab();
    expect(screen.getByLabelText('Home Assistant address')).toHaveFocus();
  });

  it('keeps the token masked and explains a token that cannot be right', async () => {
    const { user } = setup();
    await openTokenPart(user);
    const field = screen.getByLabelText('Long-lived access token');
    expect(field).toHaveAttribute('type', 'password');
    await user.type(field, 'hunter2');
    expect(screen.getByText(/not a Home Assistant long-lived access token/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeDisabled();
  });

  it('says that zero-width characters were removed from a pasted token', async () => {
    const { user } = setup();
    await openTokenPart(user);
    await user.click(screen.getByLabelText('Long-lived access token'));
    await user.paste(`\u200B${TOKEN}\u2060`);
    expect(screen.getByText(/Invisible characters .* were removed/)).toBeInTheDocument();
  });

  it('says in plain words where the saved token is sent', () => {
    setup(
      appStatus({
        instance: { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
        token: { ...noToken, present: true, state: 'ready' },
      }),
    );
    expect(
      screen.getByText(/saved token is only ever sent to http:\/\/ha\.lan:8123/),
    ).toBeInTheDocument();
  });

  it.each([
    {
      what: 'send the token unencrypted to a remote http address',
      reason: 'insecure_http',
      address: 'ha.example.com:8123',
      button: /Send my token unencrypted to this address/,
      request: 'allowPlainHttp' as const,
    },
    {
      what: 'compare and trust a self-signed certificate',
      reason: 'tls_self_signed',
      address: 'https://ha.lan:8123',
      button: /Compare and trust this certificate/,
      request: 'trustCertificate' as const,
    },
  ])('offers to $what, and tests again after main agreed', async (row) => {
    const { user, api } = setup();
    api.testConnection.mockResolvedValueOnce({
      ok: true,
      value: { ok: false, reason: row.reason, message: 'Could not use this address.' },
    });
    api.testConnection.mockResolvedValueOnce({ ok: true, value: success });
    await openTokenPart(user);
    await user.type(screen.getByLabelText('Home Assistant address'), row.address);
    await user.click(screen.getByLabelText('Long-lived access token'));
    await user.paste(TOKEN);
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await user.click(await screen.findByRole('button', { name: row.button }));
    expect(api[row.request]).toHaveBeenCalledWith('first', { url: row.address });
    expect(await screen.findByText('It works.')).toBeInTheDocument();
    expect(api.testConnection).toHaveBeenCalledTimes(2);
  });

  it('lists the addresses that may get the token unencrypted and the certificates trusted by fingerprint', async () => {
    const sha256 = `${'AB:'.repeat(31)}AB`;
    installFakeBridge(appStatus(), {
      ...DEFAULT_SETTINGS,
      trust: {
        plainHttp: ['http://ha.example.com:8123'],
        certificates: [{ origin: 'https://ha.lan:8123', sha256, pem: 'PEM' }],
      },
    });
    render(<ConnectionPage status={appStatus()} />);
    expect(
      await screen.findByText(/unencrypted \(http:\/\/\) to: http:\/\/ha\.example\.com:8123/),
    ).toBeInTheDocument();
    expect(screen.getByText(sha256)).toBeInTheDocument();
  });

  it('enables Save only after a successful test of exactly these values', async () => {
    const { user, api } = setup();
    api.testConnection.mockResolvedValue({ ok: true, value: success });
    api.saveConnection.mockResolvedValue({ ok: true, value: appStatus() });
    await openTokenPart(user);
    await user.type(screen.getByLabelText('Home Assistant address'), 'ha.lan:8123');
    await user.click(screen.getByLabelText('Long-lived access token'));
    await user.paste(`Bearer ${TOKEN}`);
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(api.testConnection).toHaveBeenCalledWith('first', {
      url: 'ha.lan:8123',
      token: `Bearer ${TOKEN}`,
    });
    expect(
      await screen.findByText(
        /Home Assistant 2024.1.6 at “Cottage”, signed in as Anna \(administrator\)/,
      ),
    ).toBeInTheDocument();
    expect(save).toBeEnabled();

    await user.type(screen.getByLabelText('Home Assistant address'), '4');
    expect(save).toBeDisabled();
    await user.type(screen.getByLabelText('Home Assistant address'), '{Backspace}');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    expect(api.saveConnection).toHaveBeenCalledWith('first', {
      url: 'ha.lan:8123',
      token: `Bearer ${TOKEN}`,
    });
    expect(await screen.findByText(/Saved\. HA Tray is connecting/)).toBeInTheDocument();
    expect(screen.getByLabelText('Long-lived access token')).toHaveValue('');
  });

  it('after Save moves focus to what it said, which goes once connected or when a field changes', async () => {
    const status = appStatus();
    // Favourites already chosen: nothing to lead on to.
    const fake = installFakeBridge(
      status,
      withInstance({ favourites: [{ entityId: 'light.kitchen' }] }),
    );
    const user = userEvent.setup();
    const view = render(<ConnectionPage status={status} />);
    fake.api.testConnection.mockResolvedValue({ ok: true, value: success });
    fake.api.saveConnection.mockResolvedValue({ ok: true, value: status });
    await testAndSave(user);
    const saved = await screen.findByText(/Saved\. HA Tray is connecting/);
    await waitFor(() => expect(saved).toHaveFocus());

    // Connecting, then connected: the status line says it, the "Saved" line goes, focus stays
    // on the page.
    const connecting = appStatus({ connection: { state: 'connecting' } });
    view.rerender(<ConnectionPage status={connecting} />);
    expect(screen.getByText(/Saved\. HA Tray is connecting/)).toBeInTheDocument();
    const connected = appStatus({
      connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
    });
    view.rerender(<ConnectionPage status={connected} />);
    expect(screen.queryByText(/Saved\. HA Tray is connecting/)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Connection' })).toHaveFocus());
  });

  it('clears an old error when a field changes', async () => {
    const { user, api } = setup();
    api.testConnection.mockResolvedValue({ ok: true, value: success });
    api.saveConnection.mockResolvedValue({
      ok: false,
      error: { code: 'failed', message: 'The keyring is locked.' },
    });
    await typeAndTest(user);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The keyring is locked.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Home Assistant address'), '4');
    expect(screen.queryByText('The keyring is locked.')).not.toBeInTheDocument();
  });

  it("shows the probe's exact message on failure", async () => {
    const { user, api } = setup();
    api.testConnection.mockResolvedValue({
      ok: true,
      value: {
        ok: false,
        reason: 'refused',
        message: 'ha.lan refused the connection on port 8123.',
      },
    });
    await typeAndTest(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'ha.lan refused the connection on port 8123.',
    );
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('tests with the saved token when a token is saved and the field is empty', async () => {
    const status = appStatus({
      instance: { origin: 'http://ha.lan:8123', locationName: 'Cottage' },
      token: { ...noToken, present: true, state: 'ready' },
    });
    const { user, api } = setup(status);
    api.testConnection.mockResolvedValue({ ok: true, value: success });
    expect(screen.getByLabelText('Home Assistant address')).toHaveValue('http://ha.lan:8123');
    expect(screen.getByLabelText('Long-lived access token')).toHaveAttribute(
      'placeholder',
      expect.stringContaining('Saved'),
    );
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(api.testConnection).toHaveBeenCalledWith('first', {
      url: 'http://ha.lan:8123',
      token: undefined,
    });
  });

  it('opens the token page of the address being set up', async () => {
    const { user, api } = setup();
    await openTokenPart(user);
    const link = screen.getByRole('button', { name: 'Create a token in Home Assistant' });
    expect(link).toBeDisabled();
    await user.type(screen.getByLabelText('Home Assistant address'), 'homeassistant.local:8123');
    await user.click(link);
    expect(api.openTokenPage).toHaveBeenCalledWith({
      url: 'homeassistant.local:8123',
    });
  });

  it.each([
    [
      { state: 'auth_failed', message: 'Invalid access token or password' },
      /Token rejected – paste a new one/,
    ],
    [{ state: 'banned' }, /ip_bans.yaml/],
    [
      {
        state: 'reconnecting',
        attempt: 3,
        nextRetryAt: PINNED_NOW + 5_000,
        reason: 'Home Assistant refused the connection',
      },
      /Reconnecting in 5 s \(attempt 3\)/,
    ],
    [{ state: 'offline' }, /Offline/],
  ] as const)('explains the live status %o', (connection, text) => {
    // The retry time is absolute: pin the page's clock so a slow run cannot turn "5 s" into "now".
    vi.useFakeTimers({ toFake: ['Date'], now: PINNED_NOW });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    setup(appStatus({ connection }));
    expect(screen.getAllByText(text).length).toBeGreaterThan(0);
  });

  it('asks before storing the token without a keyring', async () => {
    const { user, api } = setup(weakRefused);
    await user.click(screen.getByRole('button', { name: 'Allow weak storage…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Anyone who can read your files');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(api.allowWeakStorage).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Allow weak storage…' }));
    await user.click(screen.getByRole('button', { name: 'Store it anyway' }));
    expect(api.allowWeakStorage).toHaveBeenCalledWith('first', true);
  });

  it('the weak storage question takes focus, Escape cancels only it, and focus comes back', async () => {
    const { api } = installFakeBridge(weakRefused);
    const user = userEvent.setup();
    const page = render(<ConnectionPage status={weakRefused} />);
    const keys = vi.fn();
    const listen = (e: KeyboardEvent) => keys(e.key);
    document.addEventListener('keydown', listen);
    onTestFinished(() => document.removeEventListener('keydown', listen));
    const opener = screen.getByRole('button', { name: 'Allow weak storage…' });
    await user.click(opener);
    const step = screen.getByRole('alertdialog', { name: 'Store the token without a keyring?' });
    expect(step).toHaveAccessibleDescription(/^Anyone who can read your files/);
    expect(within(step).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(keys).not.toHaveBeenCalledWith('Escape');
    expect(opener).toHaveFocus();
    expect(api.allowWeakStorage).not.toHaveBeenCalled();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Store it anyway' }));
    expect(api.allowWeakStorage).toHaveBeenCalledWith('first', true);
    // The button that asked is gone once the token is stored: focus goes to what is there now.
    page.rerender(<ConnectionPage status={weakStored} />);
    expect(screen.queryByRole('button', { name: 'Allow weak storage…' })).not.toBeInTheDocument();
    expect(
      screen.getByText(/anyone who can read your files can use it/).closest('[tabindex="-1"]'),
    ).toHaveFocus();
  });

  it('when storing without a keyring fails, focus goes to why', async () => {
    const { user, api } = setup(weakRefused);
    api.allowWeakStorage.mockResolvedValue({
      ok: false,
      error: { code: 'failed', message: 'The token could not be written.' },
    } as never);
    await user.click(screen.getByRole('button', { name: 'Allow weak storage…' }));
    await user.click(screen.getByRole('button', { name: 'Store it anyway' }));
    await waitFor(() => expect(screen.getByText('The token could not be written.')).toHaveFocus());
  });

  it("shows main's sentence about the settings file as it is, and nothing when there is none", () => {
    const sentence =
      'The settings file was saved by a newer version of HA Tray (settings version 2; this one ' +
      'knows up to 1). HA Tray leaves it untouched and does not save changes to it.';
    setup(appStatus({ settingsNotice: sentence }));
    expect(screen.getByText(sentence)).toHaveClass('notice', 'warn');
  });

  it('says why it started without connecting when the crash-loop guard held it back', () => {
    const sentence =
      'HA Tray closed unexpectedly 3 times within two minutes, so it started without connecting.';
    setup(appStatus({ startNotice: sentence }));
    expect(screen.getByText(sentence)).toHaveClass('notice', 'error');
  });

  it('shows no notice about the settings file when all was well', () => {
    setup();
    expect(screen.queryByText(/settings file/)).not.toBeInTheDocument();
  });

  it('shows where the token is kept', () => {
    setup(appStatus({ token: { ...noToken, present: true, state: 'ready' } }));
    expect(screen.getByText('Encrypted with GNOME Keyring (libsecret).')).toBeInTheDocument();
  });
});

describe('SettingsApp', () => {
  it('loads the status and follows status events', async () => {
    const { emit } = installFakeBridge(appStatus());
    render(<SettingsApp />);
    expect(await screen.findByText('Not connected yet')).toBeInTheDocument();
    act(() =>
      emit(
        'status',
        appStatus({ connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' } }),
      ),
    );
    expect(
      screen.getByText(/Connected since just now \(Home Assistant 2024.1.6\)/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Connection' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
