import type { AppStatus } from '../../shared/app-status';
import type { ConnectionStatus } from '../../shared/connection-status';
import { connectionWords } from '../../shared/connection-words';
import type { AboutInfo, DiagnosticsOptions } from '../../shared/diagnostics';
import type { Settings } from '../../shared/settings';
import type { TokenStatus } from '../../shared/token-status';
import type { AppInfo } from './app-info';
import { ConnectionHistory, connectionEvent, tokenEvent } from './connection-history';
import { diagnosticsReport } from './diagnostics-report';

export interface DiagnosticsDeps {
  appInfo: AppInfo;
  now: () => number;
  status: () => AppStatus;
  settings: () => Settings;
  /** Every token the app holds, so that none can slip into the report. */
  secrets: () => string[];
  onConnection: (listener: (status: ConnectionStatus) => void) => () => void;
  onTokens: (listener: (status: TokenStatus) => void) => () => void;
  logFile: string;
}

/** The About page's facts and the "Copy diagnostics" text, from a history kept since start. */
export class Diagnostics {
  private readonly history: ConnectionHistory;
  private readonly unsubscribers: Array<() => void>;

  constructor(private readonly deps: DiagnosticsDeps) {
    this.history = new ConnectionHistory(deps.now);
    let connection: ConnectionStatus | null = null;
    let tokens: TokenStatus | null = null;
    this.unsubscribers = [
      deps.onConnection((next) => {
        const event = connectionEvent(connection, next, deps.now());
        connection = next;
        if (event) this.history.record(event.kind, event.detail);
      }),
      deps.onTokens((next) => {
        const event = tokenEvent(tokens, next);
        tokens = next;
        if (event) this.history.record(event.kind, event.detail);
      }),
    ];
  }

  about(): AboutInfo {
    const { connection } = this.deps.status();
    return {
      versions: this.deps.appInfo.versions,
      homeAssistant: connection.state === 'connected' ? connection.haVersion : null,
      platform: this.deps.appInfo.platform,
      history: this.history.entries(),
      logFile: this.deps.logFile,
    };
  }

  report(options: DiagnosticsOptions): string {
    const status = this.deps.status();
    const settings = this.deps.settings();
    const entityIds = settings.favourites.map((f) => f.entityId);
    const sensor = settings.ui.traySensor;
    if (sensor && !entityIds.includes(sensor)) entityIds.push(sensor);
    return diagnosticsReport(
      {
        about: this.about(),
        connection: connectionWords(status.connection, this.deps.now()).brief,
        origin: settings.instance?.origin ?? null,
        protection: status.token.protection,
        entityIds,
        secrets: this.deps.secrets(),
      },
      options,
    );
  }

  dispose(): void {
    this.unsubscribers.forEach((off) => off());
  }
}
