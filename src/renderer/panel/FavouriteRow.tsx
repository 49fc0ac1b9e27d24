import { useState } from 'react';
import {
  ON_OFF_DOMAINS,
  isReadOnly,
  planAction,
  type EntityAction,
} from '../../shared/domain-actions';
import { domainOf } from '../../shared/entity';
import type { EntityView } from '../../shared/entity-view';
import { friendlyName, stateText } from '../../shared/state-text';
import { EntityIcon } from '../components/EntityIcon';

export interface RowProps {
  entity: EntityView;
  label?: string;
  /** Runs an action; resolves with an error message, or null on success. */
  act: (action: EntityAction, confirmed?: boolean) => Promise<string | null>;
}

const asContext = (entity: EntityView) => ({
  ...entity,
  context: { id: '', parent_id: null, user_id: null },
});

function supportsBrightness(entity: EntityView): boolean {
  const modes = entity.attributes.supported_color_modes;
  return Array.isArray(modes) && modes.some((m) => m !== 'onoff');
}

/**
 * One favourite in the panel: icon, name, state and the control that fits its domain. An action
 * shows its result at once (optimistic) and rolls back, with the reason, if it fails.
 */
export function FavouriteRow({ entity: live, label, act }: RowProps) {
  const [optimistic, setOptimistic] = useState<{
    basedOn: string;
    patch: Partial<EntityView>;
  } | null>(null);
  const [confirming, setConfirming] = useState<{ question: string; action: EntityAction } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  // The optimistic state lasts until Home Assistant reports the entity again.
  const entity =
    optimistic && optimistic.basedOn === live.last_updated
      ? {
          ...live,
          ...optimistic.patch,
          attributes: { ...live.attributes, ...optimistic.patch.attributes },
        }
      : live;
  const domain = domainOf(entity.entity_id);
  const name = label ?? friendlyName(entity);
  const unavailable = entity.state === 'unavailable';

  async function run(action: EntityAction, patch: Partial<EntityView> | null, confirmed = false) {
    const plan = planAction(asContext(entity), action);
    if (plan.ok && plan.plan.confirm && !confirmed) {
      setConfirming({ question: plan.plan.confirm, action });
      return;
    }
    setConfirming(null);
    setError(null);
    if (patch) setOptimistic({ basedOn: live.last_updated, patch });
    const failure = await act(action, confirmed);
    if (failure) {
      setOptimistic(null);
      setError(failure);
    }
  }

  const toggle = () =>
    void run({ kind: 'primary' }, { state: entity.state === 'on' ? 'off' : 'on' });
  const rowKeys = (event: React.KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      event.preventDefault();
      if (!unavailable && !isReadOnly(asContext(entity))) void run({ kind: 'primary' }, null);
    }
  };

  return (
    <li
      className={`favourite${unavailable ? ' unavailable' : ''}`}
      tabIndex={-1}
      onKeyDown={rowKeys}
      aria-label={`${name}: ${stateText(entity)}`}
    >
      <EntityIcon entity={entity} />
      <div className="favourite-text">
        <span className="favourite-name">{name}</span>
        <span className="favourite-state">{stateText(entity)}</span>
      </div>
      <div className="favourite-control">
        {!unavailable && ON_OFF_DOMAINS.has(domain) && (
          <button
            type="button"
            role="switch"
            aria-checked={entity.state === 'on'}
            aria-label={`${name} ${entity.state === 'on' ? 'on' : 'off'}`}
            className="switch"
            onClick={toggle}
          >
            <span className="switch-knob" />
          </button>
        )}
        {!unavailable &&
          domain === 'light' &&
          supportsBrightness(entity) &&
          entity.state === 'on' && (
            <input
              type="range"
              min={1}
              max={100}
              aria-label={`${name} brightness`}
              value={Math.round(((Number(entity.attributes.brightness) || 0) * 100) / 255)}
              onChange={(e) => {
                const percent = Number(e.target.value);
                void run(
                  { kind: 'set_brightness', percent },
                  { attributes: { brightness: Math.round((percent * 255) / 100) } },
                );
              }}
            />
          )}
        {!unavailable &&
          domain === 'cover' &&
          typeof entity.attributes.current_position === 'number' && (
            <input
              type="range"
              min={0}
              max={100}
              aria-label={`${name} position`}
              value={Number(entity.attributes.current_position)}
              onChange={(e) => {
                const position = Number(e.target.value);
                void run(
                  { kind: 'set_position', position },
                  {
                    state: position > 0 ? 'open' : 'closed',
                    attributes: { current_position: position },
                  },
                );
              }}
            />
          )}
        {!unavailable &&
          (domain === 'cover' ||
            domain === 'lock' ||
            domain === 'scene' ||
            domain === 'script' ||
            domain === 'button' ||
            domain === 'media_player') && (
            <PrimaryButton entity={entity} onRun={() => void run({ kind: 'primary' }, null)} />
          )}
        {!unavailable && domain === 'climate' && (
          <ClimateStepper
            entity={entity}
            name={name}
            onSet={(temperature) =>
              void run({ kind: 'set_temperature', temperature }, { attributes: { temperature } })
            }
          />
        )}
      </div>
      {confirming && (
        <div className="favourite-confirm" role="alertdialog" aria-label={confirming.question}>
          <span>{confirming.question}</span>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => void run(confirming.action, null, true)}
          >
            {confirming.question.split(' ')[0]}
          </button>
        </div>
      )}
      {error && (
        <p className="favourite-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function PrimaryButton({ entity, onRun }: { entity: EntityView; onRun: () => void }) {
  const plan = planAction(asContext(entity), { kind: 'primary' });
  if (!plan.ok) return null;
  return (
    <button type="button" className="button small" onClick={onRun}>
      {plan.plan.label}
    </button>
  );
}

function ClimateStepper({
  entity,
  name,
  onSet,
}: {
  entity: EntityView;
  name: string;
  onSet: (temperature: number) => void;
}) {
  const target = Number(entity.attributes.temperature);
  if (!Number.isFinite(target)) return null;
  const step = Number(entity.attributes.target_temp_step) || 0.5;
  const min = Number(entity.attributes.min_temp) || 7;
  const max = Number(entity.attributes.max_temp) || 35;
  const set = (value: number) =>
    onSet(Math.min(max, Math.max(min, Math.round(value / step) * step)));
  return (
    <div className="stepper" role="group" aria-label={`${name} target temperature`}>
      <button
        type="button"
        className="button small"
        aria-label="Lower"
        onClick={() => set(target - step)}
        disabled={target <= min}
      >
        −
      </button>
      <output aria-live="polite">{target} °</output>
      <button
        type="button"
        className="button small"
        aria-label="Raise"
        onClick={() => set(target + step)}
        disabled={target >= max}
      >
        +
      </button>
    </div>
  );
}
