import { Switch as AriaSwitch } from 'react-aria-components';
import type { ControlProps } from './control-props';
import { controlClass, useReason } from './Reason';

export type SwitchProps = ControlProps<boolean>;

/**
 * An on/off switch (role switch, Space toggles). It shows what Home Assistant reports, not what
 * was asked: while pending the knob stays and the switch says it is waiting.
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
