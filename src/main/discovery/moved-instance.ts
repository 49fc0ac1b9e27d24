import type { ConnectionStatus } from '../../shared/connection-status';
import type { Settings } from '../../shared/settings';
import { runDetached } from '../detached';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import type { AddressConsent } from '../settings/settings-store';
import type { AddressProbe } from './address-probe';
import { readAnnouncement, type Announcement } from './announcement';
import { burstQuery } from './burst';
import type { ServiceBrowser } from './service-browser';

/** How long the saved address must have failed before the network is asked where it went. */
export const MOVED_AFTER_MS = 2 * 60_000;

/** One instance's settings (src/main/instances/instance-settings.ts). */
export interface MovedInstanceSettings {
  entry(): { origin: string | null; uuid?: string };
  app(): Settings;
  move(origin: string): void;
  recordAddressConsent(consent: AddressConsent): void;
}

export interface MovedInstanceDeps {
  supervisor: {
    getStatus(): ConnectionStatus;
    onStatus(listener: (status: ConnectionStatus) => void): () => void;
  };
  browser: ServiceBrowser;
  clock: Clock;
  probe: AddressProbe;
  settings: MovedInstanceSettings;
  /** A native dialog in main (src/main/windows/dialogs.ts): no page can answer it. */
  confirm(question: string, detail: string, confirmLabel: string): Promise<boolean>;
  /** Whether the plain-http rule lets the token go to this origin (src/main/setup/plain-http.ts). */
  plainHttpAllowed(origin: string): Promise<boolean>;
  /** Connects to the saved instance at its (new) address. */
  reconnect(): void;
  logger: Logger;
}

/**
 * "A moved Home Assistant": when the saved address has failed for two minutes in a row, one short
 * burst of mDNS queries (and no more until the connection has come back or failed anew). If the
 * saved instance's uuid answers at another address that answers a probe, the user is asked in a
 * native dialog whether the token may go there; only a yes moves the saved address and reconnects.
 * An mDNS answer is unauthenticated: anyone on the network can claim the uuid, so without that
 * consent the token never goes to a new address. Each answer is kept in the settings' `trust`
 * section, which no page can write: a "no" is not asked again, a "yes" is not asked twice.
 */
export class MovedInstanceWatch {
  private timer: unknown = null;
  /** The burst of this failure was sent: the next one waits for the connection to recover. */
  private checked = false;
  private disposed = false;
  private readonly stopStatus: () => void;

  constructor(private readonly deps: MovedInstanceDeps) {
    this.stopStatus = deps.supervisor.onStatus((status) => this.onStatus(status));
    this.onStatus(deps.supervisor.getStatus());
  }

  dispose(): void {
    this.disposed = true;
    this.stopStatus();
    this.clearTimer();
  }

  private onStatus(status: ConnectionStatus): void {
    if (status.state !== 'reconnecting') {
      this.clearTimer();
      this.checked = false;
      return;
    }
    if (this.timer !== null || this.checked) return;
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = null;
      this.checked = true;
      runDetached(this.check(), this.deps.logger, 'Looking for the saved Home Assistant');
    }, MOVED_AFTER_MS);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The saved address still fails, and it is still the one this check started from. */
  private stillFailing(origin: string): boolean {
    return (
      !this.disposed &&
      this.deps.supervisor.getStatus().state === 'reconnecting' &&
      this.deps.settings.entry().origin === origin
    );
  }

  private async check(): Promise<void> {
    const { origin: savedOrigin, uuid } = this.deps.settings.entry();
    if (!savedOrigin) return;
    if (!uuid) {
      this.deps.logger.info(
        'The saved Home Assistant has not answered for 2 minutes; its network id is not known, so HA Tray cannot look for it',
      );
      return;
    }
    const saved = { origin: savedOrigin, uuid };
    let answers;
    try {
      answers = await burstQuery(this.deps.browser, this.deps.clock);
    } catch (error) {
      this.deps.logger.warn('Cannot ask the network where Home Assistant went', error);
      return;
    }
    const same = answers
      .map(readAnnouncement)
      .filter((a): a is Announcement => a !== null && a.uuid === saved.uuid);
    for (const announcement of same)
      for (const origin of announcement.origins) {
        if (!this.stillFailing(saved.origin)) return;
        if (origin === saved.origin) continue;
        const consent = this.deps.settings
          .app()
          .trust.addressConsents?.find((c) => c.uuid === saved.uuid && c.origin === origin);
        if (consent?.allowed === false) continue;
        if (!(await this.deps.probe(origin)) || !(await this.deps.plainHttpAllowed(origin)))
          continue;
        if (!this.stillFailing(saved.origin)) return;
        const allowed =
          consent?.allowed === true || (await this.ask(announcement, saved.origin, origin));
        if (!this.stillFailing(saved.origin)) return;
        this.deps.settings.recordAddressConsent({ uuid: saved.uuid, origin, allowed });
        if (!allowed) return;
        this.deps.logger.info('The saved Home Assistant moved; connecting at its new address', {
          from: saved.origin,
          to: origin,
        });
        this.deps.settings.move(origin);
        this.deps.reconnect();
        return;
      }
    this.deps.logger.info('The saved Home Assistant did not answer at another address');
  }

  private ask(announcement: Announcement, from: string, to: string): Promise<boolean> {
    return this.deps.confirm(
      `Send your token to ${new URL(to).hostname}?`,
      `${announcement.locationName} has not answered at ${from} for 2 minutes, and a device on ` +
        `this network says it is now at ${to}. Anyone on the network can say that: agree only if ` +
        'you know Home Assistant got a new address. HA Tray will then send your token there and ' +
        'use that address from now on.',
      'Send token and connect',
    );
  }
}
