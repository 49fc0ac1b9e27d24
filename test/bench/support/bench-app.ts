import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../../../src/main/app-services';
import type { InstanceServices } from '../../../src/main/instances/instance-services';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import { createTray } from '../../../src/main/tray/create-tray';
import type { TrayService } from '../../../src/main/tray/tray-service';
import { normaliseInstanceUrl } from '../../../src/shared/instance-url';
import { requestChannel } from '../../../src/shared/ipc/define';
import { testPlatform } from '../../support/app-platform';
import { benchChoices } from './bench-home';
import { snapshotIn } from '../../support/supervised-store';
import { onlyInstance } from '../../support/only-instance';
import { followEveryStream } from '../../support/stream-pages';

const SETTINGS_PAGE = { url: 'ha-tray://app/settings.html', isMainFrame: true };

/** One page event as a page would get it: Electron serialises every payload for IPC. */
export interface PageEvent {
  channel: string;
  bytes: number;
  /** hrtime milliseconds: one clock with the simulator process's stamps. */
  at: number;
  /** The serialised payload, kept only while `keepText` is set. */
  text?: string;
}

/** process.hrtime in milliseconds: monotonic and the same clock in every process. */
export const hrMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * Every text frame any `ws` socket of this process received (kept as received: decoding them here
 * would add to the cost being measured), for the JSON.parse floor.
 */
const received: unknown[] = [];
let handlerUs = 0;
let longestHandlerCpuUs = 0;
const emit = WebSocket.prototype.emit;
WebSocket.prototype.emit = function (this: WebSocket, name: string | symbol, ...args: unknown[]) {
  if (name !== 'message') return emit.call(this, name, ...args);
  if (args[1] === false) received.push(args[0]);
  // The handler's time is taken with performance.now, as the JSON.parse floor is: the cpuUsage
  // calls cost several times a small frame's parse, so they stay outside that interval.
  const cpu = process.cpuUsage();
  const start = performance.now();
  try {
    return emit.call(this, name, ...args);
  } finally {
    handlerUs += (performance.now() - start) * 1000;
    const used = process.cpuUsage(cpu);
    longestHandlerCpuUs = Math.max(longestHandlerCpuUs, used.user + used.system);
  }
} as typeof emit;

/**
 * Milliseconds spent so far inside socket message handlers: the frame's decoding, the library,
 * the store and every consumer that runs synchronously (rules, tray and page wake-ups).
 */
export const handlerMs = () => handlerUs / 1000;

/** A mark to pass to `framesSince`. */
export const frameMark = () => received.length;
export const framesSince = (mark: number): string[] => received.slice(mark).map(String);

/**
 * The most CPU one frame's handler took since the last call: the longest block a frame causes,
 * without the time other processes held the CPU.
 */
export function longestHandlerCpuMs(): number {
  const longest = longestHandlerCpuUs / 1000;
  longestHandlerCpuUs = 0;
  return longest;
}

/**
 * The main process as the app builds it (createAppServices and the tray wiring), with recording
 * fakes for the platform: every page event and tray rebuild is counted and timed.
 */
export class BenchApp {
  readonly pageEvents: PageEvent[] = [];
  readonly trayRebuilds: number[] = [];
  /** The same rebuilds on the app's own clock (Date.now), which its throttles run on. */
  readonly trayRebuildsAppClock: number[] = [];
  keepText = false;
  /** Called on every tray rebuild with its menu, e.g. to time a favourite's change. */
  onTrayMenu: (items: MenuItemSpec[]) => void = () => undefined;
  readonly services: AppServices;
  private readonly tray: TrayService;
  private readonly dir = mkdtempSync(join(tmpdir(), 'ha-tray-bench-'));

  constructor() {
    this.services = createAppServices(testPlatform(this.dir));
    followEveryStream(this.services.table, ({ channel, payload }) => {
      const text = JSON.stringify(payload);
      this.pageEvents.push({
        channel,
        bytes: Buffer.byteLength(text),
        at: hrMs(),
        ...(this.keepText ? { text } : {}),
      });
    });
    this.tray = createTray(this.services, {
      host: {
        setIcon: () => undefined,
        setToolTip: () => undefined,
        setTitle: () => undefined,
        setContextMenu: (items) => {
          this.trayRebuilds.push(hrMs());
          this.trayRebuildsAppClock.push(Date.now());
          this.onTrayMenu(items);
        },
        onMenuItem: () => undefined,
        onClick: () => undefined,
        getBounds: () => null,
        destroy: () => undefined,
      },
      dialogs: { confirm: async () => true, showError: () => undefined },
      shell: { openExternal: async () => undefined },
      openPanel: () => undefined,
      openSettings: () => undefined,
      quit: () => undefined,
      theme: { isDark: () => false, onChange: () => () => undefined },
    });
  }

  /** The one Home Assistant this bench app follows. */
  get home(): InstanceServices {
    return onlyInstance(this.services);
  }

  /** Favourites and notification rules on the given entities, as a user would have them. */
  configure(favourites: string[], ruleEntities: string[]): void {
    this.services.settings.updateInstance(this.home.key, benchChoices(favourites, ruleEntities));
  }

  async connect(url: string, token: string, entities: number): Promise<void> {
    await this.services.start();
    // Every figure is measured with the whole home subscribed to, as while a settings page lists
    // every entity: with only the watched entities, "no work for the others" would be trivial.
    await this.services.table.handle(requestChannel('setEntityListOpen'), SETTINGS_PAGE, [true]);
    const instance = normaliseInstanceUrl(url);
    if (!instance.ok) throw new Error(instance.error);
    const { home } = this;
    await home.vault.save(token);
    home.settings.setOrigin(instance.value.origin);
    home.setup.connectIfReady();
    await snapshotIn(home.entities);
    if (home.store.size !== entities)
      throw new Error(`the snapshot has ${home.store.size} entities, not ${entities}`);
  }

  /** Page events and tray rebuilds from now on only. */
  resetCounts(): void {
    this.pageEvents.length = 0;
    this.trayRebuilds.length = 0;
    this.trayRebuildsAppClock.length = 0;
  }

  dispose(): void {
    this.tray.dispose();
    this.services.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Waits a little, for the last frames and coalesced events of a load to land. */
export const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));
