import { useRef, type KeyboardEvent } from 'react';
import {
  Slider as AriaSlider,
  SliderOutput,
  SliderThumb,
  SliderTrack,
} from 'react-aria-components';
import type { ControlProps } from './control-props';
import { controlClass, useReason } from './Reason';
import { useCommitOnRelease } from './useCommitOnRelease';

export interface SliderProps extends ControlProps<number> {
  min?: number;
  max?: number;
  step?: number;
  /** How the value reads, e.g. { style: 'unit', unit: 'percent' } for "60%". */
  formatOptions?: Intl.NumberFormatOptions;
}

/** Keys the slider itself uses; they must not also move focus to another row of a list. */
const SLIDER_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * A slider that sends one value when the user lets go: on pointer up, SETTLE_MS after the last
 * key, or on blur - not one service call per step. All its arrow keys are its own.
 */
export function Slider({
  label,
  value,
  onCommit,
  min = 0,
  max = 100,
  step = 1,
  formatOptions,
  disabled,
  reason,
  pending = false,
}: SliderProps) {
  const { shown, change, settleLater, commitNow } = useCommitOnRelease(value, pending, onCommit);
  const byKeyboard = useRef(false);
  const why = useReason({ disabled, reason, pending });
  const ownKey = (event: KeyboardEvent) => SLIDER_KEYS.has(event.key);
  return (
    // The wrapper notes how the value is being moved before the thumb reports the change
    // (capture), and keeps the slider's keys from the list around it (bubble).
    <div
      className="slider-box"
      onKeyDownCapture={(event) => {
        if (ownKey(event)) byKeyboard.current = true;
      }}
      onKeyDown={(event) => {
        if (ownKey(event)) event.stopPropagation();
      }}
      onPointerDownCapture={() => (byKeyboard.current = false)}
      onBlur={commitNow}
    >
      <AriaSlider
        className={controlClass('slider', pending)}
        aria-label={label}
        value={shown}
        minValue={min}
        maxValue={max}
        step={step}
        formatOptions={formatOptions}
        isDisabled={disabled}
        onChange={change}
        onChangeEnd={() => (byKeyboard.current ? settleLater() : commitNow())}
      >
        <SliderTrack className="slider-track">
          <SliderThumb className="slider-thumb" aria-describedby={why.describedBy} />
        </SliderTrack>
        <SliderOutput className="slider-output" />
        {why.node}
      </AriaSlider>
    </div>
  );
}
