import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { ConnectionSupervisor } from '../../../src/main/ha/connection-supervisor';
import type { EntityStore } from '../../../src/main/ha/entity-store';
import type { Dialogs } from '../../../src/main/windows/dialogs';
import type { MenuItemSpec } from '../../../src/main/tray/tray-host';
import { clickFavourite, type FavouriteClickDeps } from '../../../src/main/tray/favourite-click';
import { TrayService } from '../../../src/main/tray/tray-service';
import { startSimulator, type HaSimulator } from '../../ha-sim';
import { RecordingTrayHost } from '../../fakes/tray-host';
import { connectedSupervisor } from '../../support/connected-supervisor';
import { READY_TOKEN } from '../../support/token-metadata';
import { waitFor } from '../../support/wait-for';

let sim: HaSimulator;
let supervisor: ConnectionSupervisor;
let store: EntityStore;
let menu: () => MenuItemSpec[];
let tray: TrayService;
let dialogs: { confirm: Mock<Dialogs['confirm']>; showError: Mock<Dialogs['showError']> };
let deps: FavouriteClickDeps;

beforeEach(async () => {
  sim = await startSimulator();
  ({ supervisor, store } = await connectedSupervisor(sim));
  const host = new RecordingTrayHost();
  menu = () => host.menu;
  tray = new TrayService(host, {
    openTokenSettings: vi.fn(),
    pauseNotifications: vi.fn(),
    resumeNotifications: vi.fn(),
    openPanel: vi.fn(),
    openSettings: vi.fn(),
    openHomeAssistant: vi.fn(),
    reconnect: vi.fn(),
    quit: vi.fn(),
    clickFavourite: vi.fn(),
  });
  tray.setInstances([{ key: 'first', store }]);
  tray.setStatus('first', {
    key: 'first',
    name: 'Home',
    connection: supervisor.getStatus(),
    instance: { origin: sim.url, locationName: 'Home' },
    token: READY_TOKEN,
    settingsNotice: null,
    startNotice: null,
    lookalike: null,
  });
  tray.setFavourites('first', [
    { entityId: 'light.kitchen' },
    { entityId: 'lock.front_door' },
    { entityId: 'sensor.office_co2' },
    { entityId: 'climate.living_room' },
  ]);
  dialogs = {
    confirm: vi.fn<Dialogs['confirm']>(async () => true),
    showError: vi.fn<Dialogs['showError']>(),
  };
  deps = {
    store,
    connection: () => supervisor.connection(),
    dialogs,
    openHaPage: vi.fn(async () => undefined),
    openPanel: vi.fn(),
  };
});
afterEach(async () => {
  tray.dispose();
  await supervisor.dispose();
  await sim.close();
});

const item = (id: string) =>
  menu().find((i) => 'id' in i && i.id === `fav:first:${id}`) as {
    label: string;
    checked?: boolean;
  };

describe('tray favourites against the simulator', () => {
  it('a click toggles the light in Home Assistant and the menu follows', async () => {
    expect(item('light.kitchen').checked).toBe(true);
    await clickFavourite(deps, 'light.kitchen');
    expect(sim.getState('light.kitchen')!.state).toBe('off');
    await waitFor(() => item('light.kitchen').checked === false, 'menu shows the new state');
  });

  it('asks before unlocking, and does nothing when the user cancels', async () => {
    dialogs.confirm.mockResolvedValueOnce(false);
    await clickFavourite(deps, 'lock.front_door');
    expect(dialogs.confirm).toHaveBeenCalledWith(
      'Unlock Front door?',
      'Front door is locked now.',
      'Unlock',
    );
    expect(sim.getState('lock.front_door')!.state).toBe('locked');
    await clickFavourite(deps, 'lock.front_door');
    expect(sim.getState('lock.front_door')!.state).toBe('unlocked');
    await waitFor(
      () => item('lock.front_door').label.startsWith('Front door – Unlocked'),
      'menu shows Unlocked',
    );
  });

  it("tells the user why an action failed, in Home Assistant's words", async () => {
    sim.setHalfOpen(true);
    await clickFavourite({ ...deps, timeoutMs: 100 }, 'light.kitchen');
    expect(dialogs.showError).toHaveBeenCalledWith(
      'Could not control Kitchen lights',
      expect.stringContaining('may or may not have run'),
    );
  });

  it('read-only entities open their history; climate opens the panel', async () => {
    await clickFavourite(deps, 'sensor.office_co2');
    expect(deps.openHaPage).toHaveBeenCalledWith('/history?entity_id=sensor.office_co2');
    await clickFavourite(deps, 'climate.living_room');
    expect(deps.openPanel).toHaveBeenCalledOnce();
    expect(sim.serviceCalls).toHaveLength(0);
  });
});
