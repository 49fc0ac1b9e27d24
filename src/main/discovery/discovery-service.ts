import { instanceDisplayName } from '../../shared/app-status';
import type { DiscoveredInstance, DiscoveryView } from '../../shared/discovery';
import type { InstanceEntry, Settings } from '../../shared/settings';
import { runDetached } from '../detached';
import type { Clock } from '../ha/clock';
import type { Logger } from '../log/logger';
import type { AddressProbe } from './address-probe';
import { readAnnouncement, type Announcement } from './announcement';
import { nothingFoundMessage, unavailableMessage } from './discovery-messages';
import type { BrowseSession, ServiceBrowser } from './service-browser';

/** How long a browse listens before an empty list says why nobody answered. */
export const NOTHING_FOUND_AFTER_MS = 5_000;
/** Queries again after 1 s, 2 s, 4 s... (RFC 6762 section 5.2), at most once a minute. */
const FIRST_REQUERY_MS = 1_000;
const MAX_REQUERY_MS = 60_000;

export interface DiscoverySettings {
  get(): Settings;
  onChange(listener: (settings: Settings) => void): () => void;
  rememberInstanceUuid(key: string, uuid: string): Settings;
}

export interface DiscoveryServiceDeps {
  browser: ServiceBrowser;
  clock: Clock;
  /** Checks, without a token, that Home Assistant answers at an origin. */
  probe: AddressProbe;
  settings: DiscoverySettings;
  /** Sends the view to the pages that follow `discovery`. */
  publish(view: DiscoveryView): void;
  logger: Logger;
  platform: NodeJS.Platform;
}

/** The instance that follows a found Home Assistant, as the list names it. */
function savedAs(entry: InstanceEntry | undefined): DiscoveredInstance['savedAs'] {
  return entry ? { key: entry.key, name: instanceDisplayName(entry) } : null;
}

/** Whether an answer names `origin` (the saved one) among its addresses. */
function atAddress(announcement: Announcement, url: string, origin: string): boolean {
  return url === origin || announcement.origins.includes(origin);
}

/** One service that answered: what it says, and the first of its origins that passed the probe. */
interface Heard {
  announcement: Announcement;
  /** Null while its origins are being probed, or when none answered. */
  url: string | null;
}

/**
 * The Home Assistants on this network, for the Connection page. It browses only while a page
 * follows the `discovery` value (`follow`), and stops when none does. An answer is listed only
 * once one of its addresses answered a probe, and only the address is offered: the page picks
 * it and signs in like a typed address, so an mDNS answer alone never gets a token.
 */
export class DiscoveryService {
  private session: BrowseSession | null = null;
  /** Bumped whenever a browse starts or stops: late answers and probes of an old one are dropped. */
  private generation = 0;
  private state: DiscoveryView['state'] = 'idle';
  private message: string | null = null;
  private readonly heard = new Map<string, Heard>();
  private readonly timers: unknown[] = [];
  private followed = false;
  private readonly stopSettings: () => void;

  constructor(private readonly deps: DiscoveryServiceDeps) {
    // A newly saved address may be one on the list: mark it, and remember its uuid.
    this.stopSettings = deps.settings.onChange(() => {
      if (!this.followed) return;
      this.rememberSavedUuid();
      this.publish();
    });
  }

  /** Whether any page follows `discovery` now: browses from the first, stops after the last. */
  follow(followed: boolean): void {
    if (followed === this.followed) return;
    this.followed = followed;
    if (followed) this.start();
    else this.stop();
  }

  view(): DiscoveryView {
    const saved = this.deps.settings.get().instances;
    const byUuid = new Map<string, DiscoveredInstance>();
    for (const { announcement, url } of this.heard.values()) {
      if (url === null) continue;
      byUuid.set(announcement.uuid, {
        uuid: announcement.uuid,
        locationName: announcement.locationName,
        url,
        version: announcement.version,
        supported: announcement.supported,
        savedAs: savedAs(
          saved.find(
            (instance) =>
              instance.uuid === announcement.uuid ||
              (instance.origin !== null && atAddress(announcement, url, instance.origin)),
          ),
        ),
      });
    }
    const instances = [...byUuid.values()].sort((a, b) =>
      a.locationName.localeCompare(b.locationName),
    );
    return {
      state: this.state,
      instances,
      message: instances.length > 0 && this.state !== 'unavailable' ? null : this.message,
    };
  }

  /** "Refresh": forgets what was heard and browses again (only while a page follows). */
  refresh(): void {
    if (!this.followed) return;
    this.stop();
    this.start();
  }

  dispose(): void {
    this.followed = false;
    this.stopSettings();
    this.stop();
  }

  private start(): void {
    const generation = ++this.generation;
    this.heard.clear();
    this.state = 'browsing';
    this.message = null;
    const current = () => generation === this.generation;
    this.session = this.deps.browser.browse({
      found: (service) => {
        if (!current()) return;
        const announcement = readAnnouncement(service);
        if (!announcement) {
          this.deps.logger.debug('An answer without a Home Assistant uuid was skipped', {
            service: service.name,
          });
          return;
        }
        this.hear(announcement, current);
      },
      gone: (name) => {
        if (current() && this.heard.delete(name)) this.publish();
      },
      failed: (error) => {
        if (!current()) return;
        this.deps.logger.warn('Cannot browse the network for Home Assistant', error);
        this.session = null;
        this.clearTimers();
        this.state = 'unavailable';
        this.message = unavailableMessage(error);
        this.publish();
      },
    });
    this.requeryAfter(FIRST_REQUERY_MS, current);
    this.timers.push(
      this.deps.clock.setTimeout(() => {
        if (!current() || this.state !== 'browsing') return;
        this.message = nothingFoundMessage(this.deps.platform);
        this.publish();
      }, NOTHING_FOUND_AFTER_MS),
    );
    this.publish();
  }

  private stop(): void {
    this.generation++;
    this.clearTimers();
    this.session?.stop();
    this.session = null;
    // What was heard may be gone by the next browse: an idle list is empty.
    this.heard.clear();
    if (this.state === 'browsing') {
      this.state = 'idle';
      this.message = null;
    }
    this.publish();
  }

  private requeryAfter(delayMs: number, current: () => boolean): void {
    this.timers.push(
      this.deps.clock.setTimeout(() => {
        if (!current() || !this.session) return;
        this.session.query();
        this.requeryAfter(Math.min(delayMs * 2, MAX_REQUERY_MS), current);
      }, delayMs),
    );
  }

  private clearTimers(): void {
    for (const timer of this.timers.splice(0)) this.deps.clock.clearTimeout(timer);
  }

  /** A new or changed answer: listed once an address answered; the same addresses keep their probe. */
  private hear(announcement: Announcement, current: () => boolean): void {
    const before = this.heard.get(announcement.service);
    const sameOrigins =
      before !== undefined &&
      before.announcement.origins.join(' ') === announcement.origins.join(' ');
    const entry: Heard = { announcement, url: sameOrigins ? before.url : null };
    this.heard.set(announcement.service, entry);
    if (sameOrigins) {
      this.rememberSavedUuid();
      this.publish();
      return;
    }
    if (before?.url) this.publish();
    const probed = this.probeFirst(announcement.origins).then((url) => {
      if (!current() || this.heard.get(announcement.service) !== entry) return;
      if (url === null) {
        this.deps.logger.info(
          'A Home Assistant answered on the network, but not at its addresses',
          {
            name: announcement.locationName,
            tried: announcement.origins,
          },
        );
        return;
      }
      entry.url = url;
      this.rememberSavedUuid();
      this.publish();
    });
    runDetached(probed, this.deps.logger, 'Probing a Home Assistant found on the network');
  }

  /** The first origin Home Assistant answers at, in the announcement's order; null if none. */
  private async probeFirst(origins: string[]): Promise<string | null> {
    for (const origin of origins) if (await this.deps.probe(origin)) return origin;
    return null;
  }

  /**
   * A saved instance answered at its own address: its uuid is remembered, so that it can be
   * recognised after its address changes (src/main/discovery/moved-instance.ts), and when it is
   * found again under another address.
   */
  private rememberSavedUuid(): void {
    for (const instance of this.deps.settings.get().instances) {
      const { origin } = instance;
      if (origin === null) continue;
      const heard = [...this.heard.values()].find(
        ({ announcement, url }) => url !== null && atAddress(announcement, url, origin),
      );
      if (heard && instance.uuid !== heard.announcement.uuid)
        this.deps.settings.rememberInstanceUuid(instance.key, heard.announcement.uuid);
    }
  }

  private publish(): void {
    this.deps.publish(this.view());
  }
}
