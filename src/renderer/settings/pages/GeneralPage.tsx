import { useState } from 'react';
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

/** Start at login, the global shortcut and the sensor in the tray. */
export function GeneralPage({
  desktop,
  settings,
  entities,
}: {
  desktop: DesktopStatus;
  settings: Settings;
  entities: EntityView[];
}) {
  const [loginError, setLoginError] = useState<string | null>(null);
  const sensor = settings.ui.traySensor;
  const choices = sensorChoices(entities);

  async function setStartAtLogin(enabled: boolean) {
    const reply = await bridge().setStartAtLogin(enabled);
    setLoginError(reply.ok ? null : reply.error.message);
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
          value={sensor ?? ''}
          onChange={(e) =>
            runDetached(
              bridge().updateSettings({
                ui: { ...settings.ui, traySensor: e.target.value || null },
              }),
              'Saving the settings',
            )
          }
        >
          <option value="">None</option>
          {sensor && !choices.some((e) => e.entity_id === sensor) && (
            <option value={sensor}>{sensor} (not in Home Assistant now)</option>
          )}
          {choices.map((e) => (
            <option key={e.entity_id} value={e.entity_id}>
              {friendlyName(e)}
            </option>
          ))}
        </select>
        <span className="hint">
          Its value shows in the tray icon’s tooltip, and next to the icon on macOS.
        </span>
      </div>
    </section>
  );
}
