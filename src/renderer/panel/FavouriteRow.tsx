import { useState } from 'react';
import type { ControlChange, PanelControl } from '../../shared/domains/domain';
import {
  isReadOnly,
  panelControls,
  planAction,
  type EntityAction,
} from '../../shared/domains/registry';
import type { EntityView } from '../../shared/entity-view';
import { friendlyName, stateText } from '../../shared/state-text';
import { EntityIcon } from '../components/EntityIcon';
import { runDetached } from '../detached';

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

/**
 * One favourite in the panel: icon, name, state and the controls its domain lists (see
 * src/shared/domains/), each kind drawn by its component here. An action shows its result at
 * once (optimistic) and rolls back, with the reason, if it fails.
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

  const rowKeys = (event: React.KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
      event.preventDefault();
      if (!unavailable && !isReadOnly(asContext(entity)))
        runDetached(run({ kind: 'primary' }, null), 'Controlling the entity');
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
        {panelControls(entity).map((control) => (
          <Control
            key={`${control.kind}${'label' in control ? control.label : ''}`}
            control={control}
            entity={entity}
            name={name}
            run={run}
          />
        ))}
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
            onClick={() =>
              runDetached(run(confirming.action, null, true), 'Controlling the entity')
            }
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

type Run = (action: EntityAction, patch: Partial<EntityView> | null) => Promise<void>;

/** The React component for each kind of panel control a domain can ask for. */
function Control({
  control,
  entity,
  name,
  run,
}: {
  control: PanelControl;
  entity: EntityView;
  name: string;
  run: Run;
}) {
  // The domain module built the action; main validates it against the same registry.
  const change = ({ action, patch }: ControlChange) =>
    runDetached(run(action as EntityAction, patch), 'Controlling the entity');
  switch (control.kind) {
    case 'switch':
      return (
        <button
          type="button"
          role="switch"
          aria-checked={entity.state === 'on'}
          aria-label={`${name} ${entity.state === 'on' ? 'on' : 'off'}`}
          className="switch"
          onClick={() =>
            runDetached(
              run({ kind: 'primary' }, { state: entity.state === 'on' ? 'off' : 'on' }),
              'Controlling the entity',
            )
          }
        >
          <span className="switch-knob" />
        </button>
      );
    case 'slider':
      return (
        <input
          type="range"
          min={control.min}
          max={control.max}
          aria-label={`${name} ${control.label}`}
          value={control.value}
          onChange={(e) => change(control.set(Number(e.target.value)))}
        />
      );
    case 'options':
      return (
        <select
          aria-label={`${name} ${control.label}`}
          value={control.value}
          onChange={(e) => change(control.set(e.target.value))}
        >
          {control.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'primary_button':
      return (
        <PrimaryButton
          entity={entity}
          onRun={() => runDetached(run({ kind: 'primary' }, null), 'Controlling the entity')}
        />
      );
    case 'temperature':
      return (
        <ClimateStepper
          entity={entity}
          name={name}
          onSet={(temperature) =>
            runDetached(
              run({ kind: 'set_temperature', temperature }, { attributes: { temperature } }),
              'Controlling the entity',
            )
          }
        />
      );
  }
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
