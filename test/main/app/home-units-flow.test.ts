import { afterEach, describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/main/app-services';
import type { DesktopNotification } from '../../../src/main/notify/notifier';
import type { EntityView } from '../../../src/shared/entity-view';
import { requestChannel, streamChannel } from '../../../src/shared/ipc/define';
import { FIRST_INSTANCE_KEY as KEY } from '../../../src/shared/settings';
import type { IpcResult } from '../../../src/shared/ipc/result';
import type { NotificationRule } from '../../../src/shared/notification-rules';
import { HA_GENERATIONS, HA_RELEASE, startSimulator, type HaSimulator } from '../../ha-sim';
import { appForSimulator } from '../../support/connected-app';
import { waitFor } from '../../support/wait-for';
import { followEveryStream } from '../../support/stream-pages';

const PAGE = { url: 'ha-tray://app/panel.html', isMainFrame: true };
const THERMOSTAT = 'climate.living_room';
let sim: HaSimulator | undefined;
let app: AppServices;
let dispose: (() => Promise<void>) | undefined;

const warmRule: NotificationRule = {
  id: 'warm',
  entityId: THERMOSTAT,
  enabled: true,
  kind: 'threshold',
  cooldownSeconds: 0,
  direction: 'above',
  threshold: 70,
  hysteresis: 0,
  attribute: 'current_temperature',
};

async function ask<T>(name: string, ...args: unknown[]): Promise<T> {
  const result = (await app.table.handle(requestChannel(name), PAGE, args)) as IpcResult<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

afterEach(async () => {
  await dispose?.();
  await sim?.close();
});

describe.each(HA_GENERATIONS)(
  "the home's temperature unit in the app, Home Assistant %s",
  (generation) => {
    it('reaches the panel, the entity list and notifications, and follows a change', async () => {
      // The default home's thermostat has HA's Celsius-looking default limits, 7-35.
      sim = await startSimulator({ haVersion: HA_RELEASE[generation], unitSystem: 'us_customary' });
      const shown: DesktopNotification[] = [];
      const favouriteEvents: EntityView[][] = [];
      ({ app, dispose } = await appForSimulator(sim, {
        platform: {
          notifier: { isSupported: () => true, show: (n) => void shown.push(n) },
        },
        beforeConnect: async (started) => {
          app = started;
          followEveryStream(app.table, ({ channel, payload }) => {
            if (channel === streamChannel({ stream: 'favouriteEntities', instance: KEY }))
              favouriteEvents.push(payload as EntityView[]);
          });
          await ask('updateInstance', KEY, {
            favourites: [{ entityId: THERMOSTAT }, { entityId: 'light.kitchen' }],
            rules: [warmRule],
          });
        },
      }));
      const unitOfFavourite = () => favouriteEvents.at(-1)?.[0]?.temperatureUnit;
      await waitFor(() => unitOfFavourite() === '°F', 'the favourite in °F');
      const [favourite] = await ask<EntityView[]>('getFavouriteEntities', KEY);
      expect(favourite?.temperatureUnit).toBe('°F');
      const listed = await ask<EntityView[]>('listEntities', KEY);
      expect(listed.find((e) => e.entity_id === THERMOSTAT)?.temperatureUnit).toBe('°F');
      expect(listed.find((e) => e.entity_id === 'light.kitchen')).not.toHaveProperty(
        'temperatureUnit',
      );

      sim.setState(THERMOSTAT, 'heat', {
        ...sim.getState(THERMOSTAT)!.attributes,
        current_temperature: 75,
      });
      await waitFor(() => shown.length > 0, 'the threshold notification');
      expect(shown[0]?.title).toBe(
        'Living room thermostat current temperature is 75 °F (above 70 °F)',
      );

      sim.setUnitSystem('metric');
      await waitFor(() => unitOfFavourite() === '°C', 'the favourite in °C');
    });
  },
);
