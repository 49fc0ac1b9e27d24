import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from 'react-aria-components';

export interface ConfirmStepProps {
  /** The question, e.g. "Unlock Front door?". */
  question: string;
  /** What saying yes costs, when the question alone does not say it. */
  detail?: string;
  /** The word on the button that does it, e.g. "Unlock". */
  confirmLabel: string;
  /** 'row' (default) sits compactly in a panel row; 'notice' stands out on a settings page. */
  variant?: 'row' | 'notice';
  /** A choice that goes with the answer (a checkbox), between the detail and the buttons. */
  children?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Focus can go back only to something still on the page that accepts it. */
function canTakeFocus(element: Element | null): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.isConnected &&
    !(element instanceof HTMLButtonElement && element.disabled)
  );
}

/**
 * An inline "are you sure" step: focus moves to Cancel (the safe choice) when it appears;
 * Escape cancels only the step, not the panel or window around it; when the step goes away with
 * focus inside it (Cancel, Escape or the confirming button), focus goes back to what opened it.
 */
export function ConfirmStep({
  question,
  detail,
  confirmLabel,
  variant = 'row',
  children,
  onConfirm,
  onCancel,
}: ConfirmStepProps) {
  const ids = { question: useId(), detail: useId() };
  const step = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // A layout effect, so that its cleanup runs while the step is still in the document and can
  // tell whether focus is inside it.
  useLayoutEffect(() => {
    const opener = document.activeElement;
    const node = step.current;
    cancel.current?.focus();
    return () => {
      if (node?.contains(document.activeElement) && canTakeFocus(opener)) opener.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    event.preventDefault();
    onCancel();
  };
  const button = variant === 'row' ? 'button small' : 'button';

  return (
    <div
      ref={step}
      className={variant === 'row' ? 'confirm-step' : 'confirm-step notice warn'}
      role="alertdialog"
      aria-labelledby={ids.question}
      aria-describedby={detail === undefined ? undefined : ids.detail}
      onKeyDown={onKeyDown}
    >
      <span id={ids.question} className={variant === 'notice' ? 'notice-title' : undefined}>
        {question}
      </span>
      {detail !== undefined && <p id={ids.detail}>{detail}</p>}
      {children}
      <Button ref={cancel} className={button} onPress={onCancel}>
        Cancel
      </Button>
      <Button className={`${button} danger`} onPress={onConfirm}>
        {confirmLabel}
      </Button>
    </div>
  );
}
