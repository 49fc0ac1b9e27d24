import { Switch as AriaSwitch } from 'react-aria-components';
import type { ControlProps } from './control-props';
import { controlClass, useReason } from './Reason';

export type SwitchProps = ControlProps<boolean>;

/**
 * An on/off switch (role switch, Space or Enter toggles; the arrows and every other key go on to
 * the list around it). It shows what Home Assistant reports, not what was asked: while pending
 * the knob stays and the switch says it is waiting.
 */
export function Switch({ label, value, onCommit, disabled, reason, pending }: SwitchProps) {
  const why = useReason({ disabled, reason, pending });
  return (
    <AriaSwitch
      className={controlClass('switch-control', pending)}
      aria-label={label}
      aria-describedby={why.describedBy}
      isSelected={value}
      isDisabled={disabled}
      onChange={onCommit}
      onKeyDown={(event) => {
        // react-aria stops the keys it is handed; only Enter is the switch's own (a native
        // checkbox ignores it), the arrows must reach the list.
        if (event.key !== 'Enter' || disabled) return event.continuePropagation();
        event.preventDefault();
        onCommit(!value);
      }}
    >
      <span
        className="switch"
        aria-hidden="true"
        data-on={value || undefined}
        title={disabled ? reason : undefined}
      >
        <span className="switch-knob" />
      </span>
      {why.node}
    </AriaSwitch>
  );
}
