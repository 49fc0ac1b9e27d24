import { useCallback, useEffect, useRef, useState } from 'react';

/** How long after the last key press (or stepper click) a value counts as chosen. */
export const SETTLE_MS = 400;

/**
 * A value the user adjusts in many small steps but that reaches Home Assistant once: the draft
 * follows every step, `settleLater` commits SETTLE_MS after the last one, `commitNow` at once
 * (pointer up, blur). The draft stays on screen until Home Assistant reports a new value or the
 * attempt ends (pending goes false), so the control does not jump back while waiting.
 */
export function useCommitOnRelease<T>(
  value: T,
  pending: boolean,
  onCommit: (value: T) => void,
): {
  shown: T;
  change: (next: T) => void;
  settleLater: () => void;
  commitNow: () => void;
} {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [seen, setSeen] = useState({ value, pending });
  const unsent = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  // A new value from Home Assistant, or the end of an attempt, replaces the draft.
  if (!Object.is(seen.value, value) || seen.pending !== pending) {
    setSeen({ value, pending });
    if (!Object.is(seen.value, value) || (seen.pending && !pending)) setDraft(null);
  }

  const commitNow = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const chosen = unsent.current;
    unsent.current = null;
    if (chosen) commit.current(chosen.value);
  }, []);

  // A value chosen just before the control goes away (the row re-renders, the panel closes) is
  // still the user's choice.
  useEffect(() => commitNow, [commitNow]);

  return {
    shown: draft ? draft.value : value,
    change: (next) => {
      unsent.current = { value: next };
      setDraft({ value: next });
    },
    settleLater: () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(commitNow, SETTLE_MS);
    },
    commitNow,
  };
}
