import { type KeyboardEvent } from 'react';
import { Button, Group, Input, NumberField } from 'react-aria-components';
import type { ControlProps } from './control-props';
import { controlClass, useReason } from './Reason';
import { useCommitOnRelease } from './useCommitOnRelease';

export interface StepperProps extends ControlProps<number> {
  min: number;
  max: number;
  step: number;
  /** How the value reads, e.g. { style: 'unit', unit: 'celsius' } for "21 °C". */
  formatOptions?: Intl.NumberFormatOptions;
}

/**
 * − value + for a target such as a thermostat's: ten clicks or key presses are one service call,
 * SETTLE_MS after the last one (or at once when focus leaves), with the value the user saw.
 */
export function Stepper({
  label,
  value,
  onCommit,
  min,
  max,
  step,
  formatOptions,
  disabled,
  reason,
  pending = false,
}: StepperProps) {
  const { shown, change, settleLater, commitNow } = useCommitOnRelease(value, pending, onCommit);
  const why = useReason({ disabled, reason, pending });
  const onKeyDown = (event: KeyboardEvent) => {
    // Up and Down step the value; they must not also move to another row.
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') event.stopPropagation();
  };
  return (
    <NumberField
      className={controlClass('stepper', pending)}
      aria-label={label}
      aria-describedby={why.describedBy}
      value={shown}
      minValue={min}
      maxValue={max}
      step={step}
      formatOptions={formatOptions}
      isDisabled={disabled}
      isWheelDisabled
      onChange={(next) => {
        if (Number.isNaN(next)) return;
        change(next);
        settleLater();
      }}
      onBlur={commitNow}
      onKeyDown={onKeyDown}
    >
      <Group className="stepper-group" title={disabled ? reason : undefined}>
        <Button slot="decrement" className="button small">
          −
        </Button>
        <Input className="stepper-input" />
        <Button slot="increment" className="button small">
          +
        </Button>
      </Group>
      {why.node}
    </NumberField>
  );
}
