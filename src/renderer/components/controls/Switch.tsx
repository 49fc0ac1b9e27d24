import { useState } from 'react';
import { Switch as AriaSwitch } from 'react-aria-components';
import type { ControlProps } from './control-props';
import { controlClass, useReason } from './Reason';

export type SwitchProps = ControlProps<boolean>;

/**
 * An on/off switch (role switch, Space or Enter toggles; the arrows and every other key go on to
 * the list around it). Its checked state is what Home Assistant reports, never what was asked;
 * while a change is pending the knob already stands on the asked side, drawn as waiting, and the
 * switch says it is waiting - so the click shows at once, not when Home Assistant's answer and
 * the page's next batch of states arrive.
 */
export function Switch({ label, value, onCommit, disabled, reason, pending }: SwitchProps) {
  const why = useReason({ disabled, reason, pending });
  const [asked, setAsked] = useState<boolean | null>(null);
  const [wasPending, setWasPending] = useState(pending);
  // The ask lasts as long as the row's attempt: once it ends the knob shows the reported state.
  if (wasPending !== pending) {
    setWasPending(pending);
    if (!pending) setAsked(null);
  }
  const drawn = pending && asked !== null ? asked : value;
  const ask = (next: boolean) => {
    setAsked(next);
    onCommit(next);
  };
  return (
    <AriaSwitch
      className={controlClass('switch-control', pending)}
      aria-label={label}
      aria-describedby={why.describedBy}
      isSelected={value}
      isDisabled={disabled}
      onChange={ask}
      onKeyDown={(event) => {
        // react-aria stops the keys it is handed; only Enter is the switch's own (a native
        // checkbox ignores it), the arrows must reach the list.
        if (event.key !== 'Enter' || disabled) return event.continuePropagation();
        event.preventDefault();
        ask(!value);
      }}
    >
      <span
        className="switch"
        aria-hidden="true"
        data-on={drawn || undefined}
        title={disabled ? reason : undefined}
      >
        <span className="switch-knob" />
      </span>
      {why.node}
    </AriaSwitch>
  );
}
