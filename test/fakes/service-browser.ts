import type {
  AnnouncedService,
  BrowseListener,
  BrowseSession,
  ServiceBrowser,
} from '../../src/main/discovery/service-browser';

/** One browse the app started on the fake network. */
export interface FakeBrowse {
  listener: BrowseListener;
  /** Queries sent: the first one as the browse starts, then each `query()`. */
  queries: number;
  stopped: boolean;
}

/**
 * A network of Home Assistants for the discovery, without a socket: each service in it answers
 * every query (the first one as a browse starts, and each `query()`), as python-zeroconf does;
 * `announce` and `withdraw` reach the browses that run. `failNextBrowse` makes the next browse
 * fail as a taken port would. Answers arrive on a later task, as from a socket.
 */
export class FakeServiceBrowser implements ServiceBrowser {
  readonly browses: FakeBrowse[] = [];
  private readonly network = new Map<string, AnnouncedService>();
  private nextFailure: Error | null = null;

  browse(listener: BrowseListener): BrowseSession {
    const browse: FakeBrowse = { listener, queries: 0, stopped: false };
    this.browses.push(browse);
    const failure = this.nextFailure;
    this.nextFailure = null;
    const query = () => {
      if (browse.stopped) return;
      browse.queries++;
      setImmediate(() => {
        if (browse.stopped) return;
        if (failure) {
          browse.stopped = true;
          return listener.failed(failure);
        }
        for (const service of this.network.values()) listener.found(service);
      });
    };
    query();
    return { query, stop: () => void (browse.stopped = true) };
  }

  /** The browses still listening. */
  running(): FakeBrowse[] {
    return this.browses.filter((b) => !b.stopped);
  }

  /** A Home Assistant joins the network (or changes its answer) and announces itself. */
  announce(service: AnnouncedService): void {
    this.network.set(service.name, service);
    for (const browse of this.running()) browse.listener.found(service);
  }

  /** It leaves with a goodbye. */
  withdraw(name: string): void {
    this.network.delete(name);
    for (const browse of this.running()) browse.listener.gone(name);
  }

  /** Present, but silent until asked: it answers queries, and announces nothing now. */
  addSilently(service: AnnouncedService): void {
    this.network.set(service.name, service);
  }

  failNextBrowse(error: Error): void {
    this.nextFailure = error;
  }
}

/** An answer as Home Assistant 2026.2 writes it (components/zeroconf/__init__.py). */
export function haAnswer(overrides: {
  name?: string;
  uuid?: string;
  txt?: Record<string, string>;
  addresses?: string[];
  port?: number;
  host?: string;
}): AnnouncedService {
  const uuid = overrides.uuid ?? '0123456789abcdef0123456789abcdef';
  return {
    name: `${overrides.name ?? 'Home'}._home-assistant._tcp.local`,
    host: overrides.host ?? `${uuid}.local`,
    port: overrides.port ?? 8123,
    addresses: overrides.addresses ?? ['192.168.1.10'],
    txt: {
      location_name: overrides.name ?? 'Home',
      uuid,
      version: '2026.2.3',
      external_url: '',
      internal_url: '',
      base_url: '',
      requires_api_password: 'True',
      ...overrides.txt,
    },
  };
}
