import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { Button } from 'react-aria-components';

export interface ConfirmStepProps {
  /** The question, e.g. "Unlock Front door?". */
  question: string;
  /** The word on the button that does it, e.g. "Unlock". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * An inline "are you sure" step: focus moves to Cancel (the safe choice) when it appears;
 * Escape cancels only the step, not the panel or window around it; after Cancel focus goes back
 * to what opened it.
 */
export function ConfirmStep({ question, confirmLabel, onConfirm, onCancel }: ConfirmStepProps) {
  const questionId = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    cancel.current?.focus();
  }, []);

  const close = () => {
    onCancel();
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    close();
  };

  return (
    <div
      className="confirm-step"
      role="alertdialog"
      aria-labelledby={questionId}
      onKeyDown={onKeyDown}
    >
      <span id={questionId}>{question}</span>
      <Button ref={cancel} className="button small" onPress={close}>
        Cancel
      </Button>
      <Button className="button small danger" onPress={onConfirm}>
        {confirmLabel}
      </Button>
    </div>
  );
}
