import type { AppStatus } from '../../shared/app-status';
import type { ConnectionStatus } from '../../shared/connection-status';
import { connectionWords } from '../../shared/connection-words';
import type { AboutInfo, DiagnosticsOptions } from '../../shared/diagnostics';
import type { TokenStatus } from '../../shared/token-status';
import type { AppInfo } from './app-info';
import { ConnectionHistory, connectionEvent, tokenEvent } from './connection-history';
import { diagnosticsReport } from './diagnostics-report';

export interface DiagnosticsDeps {
  appInfo: AppInfo;
  now: () => number;
  /** Each instance's facts, in the user's order. */
  homes: () => HomeFacts[];
  /** Every token the app holds, so that none can slip into the report. */
  secrets: () => string[];
  logFile: string;
}

/** One instance as the report shows it. */
export interface HomeFacts {
  name: string;
  status: AppStatus;
  /** Its favourites and the tray sensor when it is one of its entities. */
  entityIds: string[];
}

/** What the history follows of one instance. */
export interface FollowedHome {
  name: () => string;
  onConnection: (listener: (status: ConnectionStatus) => void) => () => void;
  onTokens: (listener: (status: TokenStatus) => void) => () => void;
}

/** The About page's facts and the "Copy diagnostics" text, from a history kept since start. */
export class Diagnostics {
  private readonly history: ConnectionHistory;
  private readonly unsubscribers = new Set<() => void>();

  constructor(private readonly deps: DiagnosticsDeps) {
    this.history = new ConnectionHistory(deps.now);
  }

  /**
   * Keeps one instance's connection and token events in the history, named when there are
   * several, until the returned function is called (the instance was removed).
   */
  follow(home: FollowedHome): () => void {
    let connection: ConnectionStatus | null = null;
    let tokens: TokenStatus | null = null;
    const named = (detail: string) =>
      this.deps.homes().length > 1 ? `${home.name()}: ${detail}` : detail;
    const offs = [
      home.onConnection((next) => {
        const event = connectionEvent(connection, next, this.deps.now());
        connection = next;
        if (event) this.history.record(event.kind, named(event.detail));
      }),
      home.onTokens((next) => {
        const event = tokenEvent(tokens, next);
        tokens = next;
        if (event) this.history.record(event.kind, named(event.detail));
      }),
    ];
    const off = () => {
      offs.forEach((stop) => stop());
      this.unsubscribers.delete(off);
    };
    this.unsubscribers.add(off);
    return off;
  }

  about(): AboutInfo {
    const homes = this.deps.homes();
    const versions = homes.flatMap(({ name, status: { connection } }) =>
      connection.state === 'connected'
        ? [homes.length > 1 ? `${connection.haVersion} (${name})` : connection.haVersion]
        : [],
    );
    return {
      versions: this.deps.appInfo.versions,
      homeAssistant: versions.length > 0 ? versions.join(', ') : null,
      platform: this.deps.appInfo.platform,
      history: this.history.entries(),
      logFile: this.deps.logFile,
    };
  }

  report(options: DiagnosticsOptions): string {
    return diagnosticsReport(
      {
        about: this.about(),
        homes: this.deps.homes().map(({ name, status, entityIds }) => ({
          name,
          connection: connectionWords(status.connection, this.deps.now()).brief,
          origin: status.instance?.origin ?? null,
          protection: status.token.protection,
          entityIds,
        })),
        secrets: this.deps.secrets(),
      },
      options,
    );
  }

  dispose(): void {
    [...this.unsubscribers].forEach((off) => off());
  }
}
