import { useState } from 'react';
import { instanceDisplayName } from '../../../shared/app-status';
import type { DesktopStatus } from '../../../shared/desktop-status';
import type { EntityView } from '../../../shared/entity-view';
import type { Settings } from '../../../shared/settings';
import { friendlyName } from '../../../shared/state-text';
import { bridge } from '../../bridge';
import { runDetached } from '../../detached';
import { ShortcutEditor } from './ShortcutEditor';

/** Entities with a value worth showing next to the clock: sensors and anything with a unit. */
function sensorChoices(entities: EntityView[]): EntityView[] {
  return entities
    .filter((e) => e.entity_id.startsWith('sensor.') || 'unit_of_measurement' in e.attributes)
    .sort((a, b) => friendlyName(a).localeCompare(friendlyName(b)));
}

/** A sensor's place in the picker: its instance and entity id, one string. */
const choiceValue = (instance: string, entityId: string) => `${instance} ${entityId}`;

/** Start at login, the global shortcut and the sensor in the tray. */
export function GeneralPage({
  desktop,
  settings,
  lists,
}: {
  desktop: DesktopStatus;
  settings: Settings;
  /** Each instance's entities, by key (null while they load). */
  lists: ReadonlyMap<string, EntityView[]> | null;
}) {
  const [loginError, setLoginError] = useState<string | null>(null);
  const sensor = settings.ui.traySensor;
  const several = settings.instances.length > 1;
  const groups = settings.instances.map((entry) => ({
    entry,
    choices: sensorChoices(lists?.get(entry.key) ?? []),
  }));
  const known =
    sensor !== null &&
    groups.some(
      (g) =>
        g.entry.key === sensor.instance && g.choices.some((e) => e.entity_id === sensor.entityId),
    );
  const options = (instance: string, choices: EntityView[]) =>
    choices.map((e) => (
      <option key={e.entity_id} value={choiceValue(instance, e.entity_id)}>
        {friendlyName(e)}
      </option>
    ));

  async function setStartAtLogin(enabled: boolean) {
    const reply = await bridge().setStartAtLogin(enabled);
    setLoginError(reply.ok ? null : reply.error.message);
  }

  function pick(value: string) {
    const [instance, entityId] = value.split(' ');
    const traySensor = instance && entityId ? { instance, entityId } : null;
    runDetached(
      bridge().updateSettings({ ui: { ...settings.ui, traySensor } }),
      'Saving the settings',
    );
  }

  return (
    <section aria-labelledby="general-title" className="page">
      <h1 id="general-title">General</h1>
      <div className="field">
        <label className="inline">
          <input
            type="checkbox"
            role="switch"
            checked={desktop.startAtLogin}
            onChange={(e) =>
              runDetached(setStartAtLogin(e.target.checked), 'Changing start at login')
            }
          />
          Start HA Tray when I log in
        </label>
        {loginError && (
          <span className="error" role="alert">
            {loginError}
          </span>
        )}
      </div>
      <ShortcutEditor shortcut={desktop.shortcut} mac={desktop.mac} />
      <div className="field">
        <label htmlFor="tray-sensor">Sensor in the tray</label>
        <select
          id="tray-sensor"
          value={sensor ? choiceValue(sensor.instance, sensor.entityId) : ''}
          onChange={(e) => pick(e.target.value)}
        >
          <option value="">None</option>
          {sensor && !known && (
            <option value={choiceValue(sensor.instance, sensor.entityId)}>
              {sensor.entityId} (not in Home Assistant now)
            </option>
          )}
          {several
            ? groups.map(({ entry, choices }) => (
                <optgroup key={entry.key} label={instanceDisplayName(entry)}>
                  {options(entry.key, choices)}
                </optgroup>
              ))
            : groups.map(({ entry, choices }) => options(entry.key, choices))}
        </select>
        <span className="hint">
          Its value shows in the tray icon’s tooltip, and next to the icon on macOS.
        </span>
      </div>
    </section>
  );
}
