import { bench, describe } from 'vitest';
import { EntityStore } from '../../src/main/ha/entity-store';
import { trayModel } from '../../src/main/tray/tray-model';
import type { AppStatus } from '../../src/shared/app-status';

// `npm run bench`: figures, not assertions. How the hot paths scale with a big home.
const SIZE = 10_000;
const snapshot = Object.fromEntries(
  Array.from({ length: SIZE }, (_, i) => [
    `sensor.s_${i}`,
    {
      s: String(i % 300),
      a: { unit_of_measurement: '°C', friendly_name: `Sensor ${i}` },
      c: `ctx${i}`,
      lc: 1_700_000_000 + i,
    },
  ]),
);
const store = new EntityStore();
store.replace(snapshot);
const status: AppStatus = {
  connection: { state: 'connected', since: 0, haVersion: '2024.1.6' },
  instance: { origin: 'http://ha', locationName: 'Home' },
  token: {
    present: true,
    state: 'ready',
    protection: '',
    weakProtection: false,
    savedAt: null,
    issuedAt: null,
    expiresAt: null,
    name: null,
    message: null,
  },
  settingsNotice: null,
};
const favourites = Array.from({ length: 30 }, (_, i) => ({ entityId: `sensor.s_${i * 7}` }));
let tick = 0;

describe('entity store', () => {
  bench(`replace with a ${SIZE}-entity snapshot`, () => {
    store.replace(snapshot);
  });
  bench('apply a one-entity diff', () => {
    tick++;
    store.apply({ c: { 'sensor.s_42': { '+': { s: String(tick), lc: 1_800_000_000 + tick } } } });
  });
});

describe('tray model', () => {
  bench('build the menu for 30 favourites', () => {
    trayModel(
      {
        status,
        favourites,
        entity: (id) => store.get(id),
        panelShortcut: null,
        reminder: null,
        pausedUntil: null,
        sensorId: 'sensor.s_42',
        dark: false,
      },
      0,
    );
  });
});
