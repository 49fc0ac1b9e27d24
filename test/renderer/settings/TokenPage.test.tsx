import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { TokenPage } from '../../../src/renderer/settings/pages/TokenPage';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { ReminderStatus, TokenStatus } from '../../../src/shared/token-status';
import { appStatus, installFakeBridge } from '../fake-bridge';

/** The one instance, as a first run has it. */
const FIRST = DEFAULT_SETTINGS.instances[0]!;

const DAY = 86_400_000;
const reminder: ReminderStatus = {
  state: 'due',
  dueReason: 'age',
  interval: 90,
  ageDays: 97,
  savedDaysAgo: 97,
  dueAt: Date.parse('2026-11-16'),
  expiresAt: null,
  expiringSoon: false,
  expired: false,
  snoozedUntil: null,
  attention: true,
  headline: 'Token is 97 days old',
  menuLine: 'Token is 97 days old - Rotate…',
};
const status = (overrides: Partial<TokenStatus> = {}): TokenStatus => ({
  facts: {
    name: 'HA Tray on laptop',
    createdAt: Date.now() - 97 * DAY,
    issuedAt: Date.now() - 97 * DAY,
    expiresAt: Date.parse('2036-01-01'),
    haExpireAt: null,
    savedAt: Date.now() - 97 * DAY,
    ageDays: 97,
  },
  rejected: false,
  reminder,
  rotation: { phase: 'idle' },
  ...overrides,
});

/** Keys that got past the page to the document: Escape on a confirm step must not. */
function keysBeyondThePage() {
  const keys = vi.fn();
  const listen = (e: KeyboardEvent) => keys(e.key);
  document.addEventListener('keydown', listen);
  onTestFinished(() => document.removeEventListener('keydown', listen));
  return keys;
}

const connected = appStatus({
  connection: { state: 'connected', since: Date.now(), haVersion: '2024.1.6' },
});

/** Main's answer to a pasted token of another Home Assistant user: it asks first. */
const ANOTHER_USERS_TOKEN = {
  ok: true,
  value: {
    kind: 'needs_confirmation',
    differences: ['other_user'],
    message: 'This token belongs to another Home Assistant user.',
  },
} as const;

/** The page, connected, once its status has arrived. */
async function setup(token = status()) {
  const fake = installFakeBridge(connected);
  const user = userEvent.setup();
  render(<TokenPage token={token} instance={FIRST} />);
  await screen.findByRole('heading', { name: 'Your long-lived tokens' });
  return { ...fake, user };
}

/** Pastes a token of another user: main asks first, then replaces once confirmed. */
async function pasteAnotherUsersToken(
  user: Awaited<ReturnType<typeof setup>>['user'],
  api: Awaited<ReturnType<typeof setup>>['api'],
) {
  api.replaceToken.mockResolvedValueOnce(ANOTHER_USERS_TOKEN).mockResolvedValueOnce({
    ok: true,
    value: { kind: 'replaced', canRevokeOld: true, message: 'HA Tray now uses the new token.' },
  });
  await user.type(screen.getByLabelText('New long-lived access token'), 'abc.def.ghi');
  await user.click(screen.getByRole('button', { name: 'Verify and replace' }));
}

/** The audit as main lists it: the token in use first. */
function auditOf(...rows: Array<{ id: string; name: string; used?: boolean }>) {
  return {
    ok: true,
    value: {
      state: 'loaded',
      loadedAt: 0,
      rows: rows.map(({ id, name, used = false }) => ({
        id,
        name,
        createdAt: 0,
        expiresAt: null,
        usedByThisApp: used,
        olderThanInterval: false,
        revocable: !used,
      })),
    },
  } as never;
}

const expiring: ReminderStatus = {
  ...reminder,
  dueReason: 'expiring',
  dueAt: Date.now() - 20 * DAY,
  expiresAt: Date.now() + 10 * DAY,
  expiringSoon: true,
  headline: 'Token expires in 10 days',
  menuLine: 'Token expires in 10 days - Rotate…',
};
const notDue: ReminderStatus = {
  ...reminder,
  state: 'scheduled',
  dueReason: null,
  dueAt: Date.now() + 90 * DAY,
  attention: false,
  headline: null,
  menuLine: null,
};

describe('TokenPage: rotating from the reminder', () => {
  it('the "expires in 10 days" box offers Rotate now beside its snoozes, once on the page', async () => {
    const { user, api } = await setup(status({ reminder: expiring }));
    const box = screen.getByText('Token expires in 10 days').closest('.notice') as HTMLElement;
    expect(
      within(box)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Rotate now', 'Remind me tomorrow', 'Remind me in a week']);
    expect(screen.getAllByRole('button', { name: 'Rotate now' })).toHaveLength(1);
    await user.click(within(box).getByRole('button', { name: 'Rotate now' }));
    expect(api.rotateToken).toHaveBeenCalledTimes(1);
  });

  it('the schedule says the rotation is due now, never a date after the expiry', async () => {
    await setup(status({ reminder: expiring }));
    expect(screen.getByText('Next rotation').nextElementSibling).toHaveTextContent(/^now$/);
  });

  it('without a due reminder, Rotate now stays in its own section', async () => {
    await setup(status({ reminder: notDue }));
    expect(screen.getAllByRole('button', { name: 'Rotate now' })).toHaveLength(1);
    expect(screen.queryByText('Remind me tomorrow')).not.toBeInTheDocument();
  });

  it('once rotated, the box goes, focus goes to what happened, and the token list is loaded again', async () => {
    const fake = installFakeBridge(connected);
    fake.api.loadTokenAudit
      .mockResolvedValueOnce(auditOf({ id: 'old', name: 'Expiring soon', used: true }))
      .mockResolvedValueOnce(auditOf({ id: 'new', name: 'HA Tray on laptop', used: true }));
    const user = userEvent.setup();
    // One token until the rotation saves another.
    const { facts } = status();
    const view = render(
      <TokenPage token={status({ facts, reminder: expiring })} instance={FIRST} />,
    );
    const oldRow = (await screen.findByText('Expiring soon')).closest('tr')!;
    expect(oldRow).toHaveTextContent('used by this app');
    await user.click(screen.getByRole('button', { name: 'Rotate now' }));
    view.rerender(
      <TokenPage
        token={status({
          facts,
          reminder: expiring,
          rotation: { phase: 'running', step: 'revoking' },
        })}
        instance={FIRST}
      />,
    );
    view.rerender(
      <TokenPage
        token={status({
          facts: { ...facts!, savedAt: Date.now() },
          reminder: notDue,
          rotation: { phase: 'rotated', at: Date.now(), tokenName: 'HA Tray on laptop' },
        })}
        instance={FIRST}
      />,
    );
    await waitFor(() => expect(screen.queryByText('Expiring soon')).not.toBeInTheDocument());
    expect(
      screen.getByText('HA Tray on laptop', { selector: 'td' }).closest('tr'),
    ).toHaveTextContent('used by this app');
    expect(fake.api.loadTokenAudit).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/^Rotated\./).closest('[tabindex="-1"]')).toHaveFocus();
  });

  it('a token list that could not be read says why and loads on "Try again"', async () => {
    const { api } = installFakeBridge(connected);
    api.loadTokenAudit
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'failed', message: 'HA Tray is not connected to Home Assistant.' },
      })
      .mockResolvedValueOnce(auditOf({ id: 'old', name: 'Old token' }));
    const user = userEvent.setup();
    render(<TokenPage token={status()} instance={FIRST} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('HA Tray is not connected to Home Assistant.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Old token')).toBeInTheDocument();
  });

  it('revoking the replaced token loads the list again', async () => {
    const { user, api } = await setup();
    api.loadTokenAudit
      .mockResolvedValueOnce(auditOf({ id: 'old', name: 'Old token' }))
      .mockResolvedValueOnce(auditOf());
    api.replaceToken.mockResolvedValueOnce({
      ok: true,
      value: { kind: 'replaced', canRevokeOld: true, message: 'HA Tray now uses the new token.' },
    });
    await user.type(screen.getByLabelText('New long-lived access token'), 'a-new-token');
    await user.click(screen.getByRole('button', { name: 'Verify and replace' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke the old token' }));
    await waitFor(() => expect(api.loadTokenAudit).toHaveBeenCalledTimes(2));
  });

  it('a token Home Assistant rejected: says so, leads to the Connection page, offers no rotation', async () => {
    installFakeBridge(
      appStatus({ connection: { state: 'auth_failed', message: 'Invalid access token' } }),
    );
    render(<TokenPage token={status({ rejected: true, reminder: expiring })} instance={FIRST} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Home Assistant rejected this token. It may have been revoked or have expired: paste a new one on the Connection page.',
    );
    expect(
      within(alert).getByRole('link', { name: 'paste a new one on the Connection page' }),
    ).toHaveAttribute('href', '#/connection/first');
    expect(screen.queryByText(/need a connection/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rotate now' })).not.toBeInTheDocument();
  });
});

describe('TokenPage', () => {
  it('shows the name, age, expiry and the due reminder with snooze', async () => {
    const { user, api } = await setup();
    expect(screen.getByText('HA Tray on laptop')).toBeInTheDocument();
    expect(screen.getByText(/^97 days \(issued/)).toBeInTheDocument();
    expect(screen.getByText('Token is 97 days old')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remind me in a week' }));
    expect(api.snoozeTokenReminder).toHaveBeenCalledWith('first', 'week');
  });

  it('ties a refused replacement token to its field', async () => {
    const { user, api } = await setup();
    api.replaceToken.mockResolvedValueOnce({
      ok: true,
      value: { kind: 'invalid', message: 'That is not a Home Assistant token.' },
    });
    const field = screen.getByLabelText('New long-lived access token');
    expect(field).not.toHaveAttribute('aria-invalid');
    await user.type(field, 'not-a-token');
    await user.click(screen.getByRole('button', { name: 'Verify and replace' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('That is not a Home Assistant token.');
  });

  it("shows Home Assistant's deletion date and says why the token will vanish", async () => {
    const facts = { ...status().facts!, haExpireAt: Date.parse('2026-04-10T12:00:00Z') };
    await setup(status({ facts }));
    const date = new Date(facts.haExpireAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
    const row = screen.getByText('Deleted by Home Assistant').nextElementSibling!;
    expect(row).toHaveTextContent(date);
    expect(row).toHaveTextContent(/never records the use of a\s+long-lived token/);
    expect(row).toHaveTextContent(/90 days after it was created/);
  });

  it('says nothing of a deletion date when Home Assistant gives none (2024.1, or expiry off)', async () => {
    await setup();
    expect(screen.queryByText('Deleted by Home Assistant')).toBeNull();
  });

  it('changes the interval through the settings', async () => {
    const { user, api } = await setup();
    await user.selectOptions(screen.getByLabelText('Remind me to rotate it'), 'never');
    expect(api.updateInstance).toHaveBeenCalledWith('first', {
      tokenReminder: { ...FIRST.tokenReminder, intervalDays: null },
    });
  });

  it('rotates in one click, and offers Retry when revoking failed', async () => {
    const { user, api } = await setup(
      status({
        rotation: { phase: 'revoke_failed', message: 'Home Assistant did not revoke the old one.' },
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('did not revoke the old one');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await user.click(screen.getByRole('button', { name: 'Rotate now' }));
    expect(api.rotateToken).toHaveBeenCalledTimes(2);
  });

  it('asks before using a pasted token of another user, then offers to revoke the old one', async () => {
    const { user, api } = await setup();
    await pasteAnotherUsersToken(user, api);
    expect(api.replaceToken).toHaveBeenLastCalledWith('first', {
      token: 'abc.def.ghi',
      confirmDifferent: false,
    });
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Use it anyway' }),
    );
    expect(api.replaceToken).toHaveBeenLastCalledWith('first', {
      token: 'abc.def.ghi',
      confirmDifferent: true,
    });
    await user.click(await screen.findByRole('button', { name: 'Revoke the old token' }));
    expect(api.revokeOldToken).toHaveBeenCalledOnce();
    expect(await screen.findByText('The old token is revoked.')).toBeInTheDocument();
  });

  it('the different-token question takes focus; Escape cancels only it, and focus goes back', async () => {
    const { user, api } = await setup();
    api.replaceToken.mockResolvedValue(ANOTHER_USERS_TOKEN);
    const pageKeys = keysBeyondThePage();
    await user.type(screen.getByLabelText('New long-lived access token'), 'abc.def.ghi');
    const opener = screen.getByRole('button', { name: 'Verify and replace' });
    await user.click(opener);
    const step = await screen.findByRole('alertdialog', { name: 'Use a different token?' });
    expect(step).toHaveAccessibleDescription('This token belongs to another Home Assistant user.');
    expect(within(step).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(pageKeys).not.toHaveBeenCalledWith('Escape');
    expect(opener).toHaveFocus();
    expect(screen.getByLabelText('New long-lived access token')).toHaveValue('abc.def.ghi');
    expect(api.replaceToken).toHaveBeenCalledOnce();
  });

  it('editing the field withdraws the question: "Use it anyway" never vouches for another token', async () => {
    const { user, api } = await setup();
    api.replaceToken.mockResolvedValue(ANOTHER_USERS_TOKEN);
    const field = screen.getByLabelText('New long-lived access token');
    await user.type(field, 'token.of.alice');
    await user.click(screen.getByRole('button', { name: 'Verify and replace' }));
    await screen.findByRole('button', { name: 'Use it anyway' });
    await user.type(field, '.and.more');
    expect(screen.queryByRole('button', { name: 'Use it anyway' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Verify and replace' }));
    expect(api.replaceToken).toHaveBeenLastCalledWith('first', {
      token: 'token.of.alice.and.more',
      confirmDifferent: false,
    });
    expect(api.replaceToken).not.toHaveBeenCalledWith(
      expect.objectContaining({ confirmDifferent: true }),
    );
  });

  it('after "Use it anyway" focus goes to what happened, as the form it came from is emptied', async () => {
    const { user, api } = await setup();
    await pasteAnotherUsersToken(user, api);
    await user.click(await screen.findByRole('button', { name: 'Use it anyway' }));
    const outcome = await screen.findByText('HA Tray now uses the new token.');
    await waitFor(() => expect(outcome.closest('[tabindex="-1"]')).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Verify and replace' })).toBeDisabled();
  });

  it('without a connection says so in one calm line, and offers nothing that would fail', async () => {
    const fake = installFakeBridge(appStatus());
    render(<TokenPage token={status({ facts: null })} instance={FIRST} />);
    const line = await screen.findByRole('status');
    expect(line).toHaveTextContent(
      'No token is saved yet. Rotating, replacing and listing tokens need a connection to Home Assistant: set up the connection.',
    );
    expect(screen.getByRole('link', { name: 'set up the connection' })).toHaveAttribute(
      'href',
      '#/connection/first',
    );
    expect(screen.queryByRole('button', { name: 'Rotate now' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.api.loadTokenAudit).not.toHaveBeenCalled();
  });

  it('lists the tokens, never lets the current one be selected, and revokes after confirmation', async () => {
    const fake = installFakeBridge(connected);
    fake.api.loadTokenAudit.mockResolvedValue({
      ok: true,
      value: {
        state: 'loaded',
        loadedAt: 0,
        rows: [
          {
            id: 'a',
            name: 'HA Tray on laptop',
            createdAt: 0,
            expiresAt: Date.parse('2036-01-01'),
            usedByThisApp: true,
            olderThanInterval: false,
            revocable: false,
          },
          {
            id: 'b',
            name: 'Old phone',
            createdAt: 0,
            expiresAt: null,
            usedByThisApp: false,
            olderThanInterval: true,
            revocable: true,
          },
        ],
      },
    } as never);
    fake.api.revokeTokens.mockResolvedValue({
      ok: true,
      value: { kind: 'done', revoked: ['b'], failed: [] },
    } as never);
    const user = userEvent.setup();
    render(<TokenPage token={status()} instance={FIRST} />);
    expect(
      await screen.findByRole('checkbox', { name: 'Select HA Tray on laptop' }),
    ).toBeDisabled();
    expect(screen.getByText('older than your rotation interval')).toBeInTheDocument();
    expect(
      screen.getByText(/does not record when a long-lived token was last used/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Select Old phone' }));
    await user.click(screen.getByRole('button', { name: 'Revoke selected…' }));
    expect(fake.api.revokeTokens).not.toHaveBeenCalled();
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke' }),
    );
    expect(fake.api.revokeTokens).toHaveBeenCalledWith('first', { ids: ['b'], confirm: true });
    expect(await screen.findByText('1 revoked.')).toBeInTheDocument();
  });

  it('the revoke question takes focus, Escape cancels only it, and after Revoke focus goes to the result', async () => {
    const { api } = installFakeBridge(connected);
    api.loadTokenAudit.mockResolvedValue({
      ok: true,
      value: {
        state: 'loaded',
        loadedAt: 0,
        rows: [
          {
            id: 'b',
            name: 'Old phone',
            createdAt: 0,
            expiresAt: null,
            usedByThisApp: false,
            olderThanInterval: false,
            revocable: true,
          },
        ],
      },
    } as never);
    api.revokeTokens.mockResolvedValue({
      ok: true,
      value: { kind: 'done', revoked: ['b'], failed: [] },
    } as never);
    const user = userEvent.setup();
    render(<TokenPage token={status()} instance={FIRST} />);
    const pageKeys = keysBeyondThePage();
    const choice = await screen.findByRole('checkbox', { name: 'Select Old phone' });
    await user.click(choice);
    const opener = screen.getByRole('button', { name: 'Revoke selected…' });
    await user.click(opener);
    const step = screen.getByRole('alertdialog', { name: 'Revoke 1 token?' });
    expect(step).toHaveAccessibleDescription(
      'Anything that still uses it loses access to Home Assistant.',
    );
    expect(within(step).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(pageKeys).not.toHaveBeenCalledWith('Escape');
    expect(opener).toHaveFocus();
    expect(choice).toBeChecked();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    expect(api.revokeTokens).toHaveBeenCalledOnce();
    const result = await screen.findByText('1 revoked.');
    await waitFor(() => expect(result).toHaveFocus());
  });
});
