import { useState } from 'react';
import { temperatureRange, temperatureUnit } from '../../shared/domains/climate';
import type { PanelControl } from '../../shared/domains/domain';
import {
  isUnavailable,
  panelControls,
  planAction,
  primaryLabel,
  type EntityAction,
} from '../../shared/domains/registry';
import type { EntityView } from '../../shared/entity-view';
import { friendlyName, stateText } from '../../shared/state-text';
import { ConfirmStep } from '../components/controls/ConfirmStep';
import { Slider } from '../components/controls/Slider';
import { Stepper } from '../components/controls/Stepper';
import { Switch } from '../components/controls/Switch';
import { EntityIcon } from '../components/EntityIcon';
import { runDetached } from '../detached';

export interface RowProps {
  entity: EntityView;
  label?: string;
  /** Runs an action; resolves with an error message, or null on success. */
  act: (action: EntityAction, confirmed?: boolean) => Promise<string | null>;
  /** The controls cannot be used right now (not connected), and why. */
  disabled?: boolean;
  reason?: string;
}

/** Why an unavailable entity's controls are disabled: Home Assistant's own word for its state. */
const UNAVAILABLE = 'Unavailable';

const asContext = (entity: EntityView) => ({
  ...entity,
  context: { id: '', parent_id: null, user_id: null },
});

/** Things the row itself shows while a change is on its way. */
interface Attempt {
  /** The entity's last_updated when the action started: a newer one is Home Assistant's answer. */
  basedOn: string;
}

/**
 * The contents of one favourite in the panel (its list item is the RovingList's): icon, name,
 * state and the controls its domain lists (see src/shared/domains/). A control shows what Home
 * Assistant reports, never what was asked: while an action is on its way it is "pending", until
 * the entity changes or the call answers; a failure (including no answer in 5 s) is said below.
 */
export function FavouriteRow({ entity, label, act, disabled, reason }: RowProps) {
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [confirming, setConfirming] = useState<{ question: string; action: EntityAction } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const [wasDisabled, setWasDisabled] = useState(disabled);
  // An error from before a disconnect is old news once the connection is back.
  if (wasDisabled !== disabled) {
    setWasDisabled(disabled);
    if (wasDisabled && !disabled) setError(null);
  }
  const pending = attempt !== null && attempt.basedOn === entity.last_updated;
  const name = label ?? friendlyName(entity);

  async function run(action: EntityAction, confirmed = false) {
    const plan = planAction(asContext(entity), action);
    if (plan.ok && plan.plan.confirm && !confirmed) {
      setConfirming({ question: plan.plan.confirm, action });
      return;
    }
    setConfirming(null);
    setError(null);
    const mine = { basedOn: entity.last_updated };
    setAttempt(mine);
    const failure = await act(action, confirmed);
    setAttempt((current) => (current === mine ? null : current));
    if (failure) setError(failure);
  }

  // As Home Assistant's cards do: an unavailable entity keeps its controls, disabled, with why.
  const unavailable = isUnavailable(entity);
  const state = {
    disabled: disabled || unavailable,
    reason: disabled ? reason : unavailable ? UNAVAILABLE : undefined,
    pending,
  };
  return (
    <>
      <EntityIcon entity={entity} />
      <div className="favourite-text">
        {/* One line with an ellipsis where the panel is wide enough; the full name on hover. */}
        <span className="favourite-name" title={name}>
          {name}
        </span>
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
            state={state}
          />
        ))}
      </div>
      {confirming && (
        <ConfirmStep
          question={confirming.question}
          confirmLabel={confirming.question.split(' ')[0]!}
          onConfirm={() => runDetached(run(confirming.action, true), 'Controlling the entity')}
          onCancel={() => setConfirming(null)}
        />
      )}
      {error && (
        <p className="favourite-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

type Run = (action: EntityAction) => Promise<void>;
interface ControlState {
  disabled: boolean;
  reason: string | undefined;
  pending: boolean;
}

/** The React component for each kind of panel control a domain can ask for. */
function Control({
  control,
  entity,
  name,
  run,
  state,
}: {
  control: PanelControl;
  entity: EntityView;
  name: string;
  run: Run;
  state: ControlState;
}) {
  // The domain module built the action; main validates it against the same registry.
  const commit = (change: { action: unknown }) =>
    runDetached(run(change.action as EntityAction), 'Controlling the entity');
  switch (control.kind) {
    case 'switch':
      return (
        <Switch
          label={name}
          value={entity.state === 'on'}
          onCommit={() => runDetached(run({ kind: 'primary' }), 'Controlling the entity')}
          {...state}
        />
      );
    case 'slider':
      return (
        <Slider
          label={`${name} ${control.label}`}
          value={control.value}
          min={control.min}
          max={control.max}
          formatOptions={{ style: 'unit', unit: control.unit }}
          onCommit={(value) => commit(control.set(value))}
          {...state}
        />
      );
    case 'options':
      return (
        <select
          aria-label={`${name} ${control.label}`}
          value={control.value}
          disabled={state.disabled}
          title={state.disabled ? state.reason : undefined}
          className={state.pending ? 'pending' : undefined}
          onChange={(e) => commit(control.set(e.target.value))}
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
          onRun={() => runDetached(run({ kind: 'primary' }), 'Controlling the entity')}
          {...state}
        />
      );
    case 'temperature':
      return <ClimateStepper entity={entity} name={name} run={run} state={state} />;
  }
}

function PrimaryButton({
  entity,
  onRun,
  disabled,
  reason,
  pending,
}: { entity: EntityView; onRun: () => void } & ControlState) {
  const label = primaryLabel(asContext(entity));
  if (label === null) return null;
  return (
    <button
      type="button"
      data-primary
      className={pending ? 'button small pending' : 'button small'}
      onClick={onRun}
      disabled={disabled}
      title={disabled ? reason : undefined}
    >
      {label}
    </button>
  );
}

const INTL_UNIT = { '°C': 'celsius', '°F': 'fahrenheit' } as const;

function ClimateStepper({
  entity,
  name,
  run,
  state,
}: {
  entity: EntityView;
  name: string;
  run: Run;
  state: ControlState;
}) {
  const target = Number(entity.attributes.temperature);
  if (typeof entity.attributes.temperature !== 'number' || !Number.isFinite(target)) return null;
  const step = Number(entity.attributes.target_temp_step) || 0.5;
  const { min, max } = temperatureRange(entity);
  return (
    <Stepper
      label={`${name} target temperature`}
      value={target}
      min={min}
      max={max}
      step={step}
      formatOptions={{
        style: 'unit',
        unit: INTL_UNIT[temperatureUnit(entity)],
        maximumFractionDigits: step < 1 ? 1 : 0,
      }}
      onCommit={(temperature) =>
        runDetached(run({ kind: 'set_temperature', temperature }), 'Controlling the entity')
      }
      {...state}
    />
  );
}
