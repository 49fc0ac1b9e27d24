import { useId } from 'react';
import { instanceDisplayName } from '../../../shared/app-status';
import type { InstanceEntry } from '../../../shared/settings';

/**
 * Which Home Assistant a page of one instance shows (its rules, its token), where HA Tray follows
 * several; nothing where there is one.
 */
export function InstanceSwitcher({
  instances,
  shown,
  onChange,
}: {
  instances: readonly InstanceEntry[];
  shown: string;
  onChange: (key: string) => void;
}) {
  const id = useId();
  if (instances.length < 2) return null;
  return (
    <div className="field instance-switcher">
      <label htmlFor={id}>Home Assistant</label>
      <select id={id} value={shown} onChange={(e) => onChange(e.target.value)}>
        {instances.map((entry) => (
          <option key={entry.key} value={entry.key}>
            {instanceDisplayName(entry)}
          </option>
        ))}
      </select>
    </div>
  );
}
