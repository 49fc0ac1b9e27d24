import type { EntityFacts } from './domain';

type Sentence = (name: string) => string;

/** Locks, covers and valves share open/close/moving words in notifications. */
const OPENABLE: Record<string, Sentence> = {
  locked: (n) => `${n} locked`,
  unlocked: (n) => `${n} unlocked`,
  jammed: (n) => `${n} is jammed`,
  locking: (n) => `${n} is locking`,
  unlocking: (n) => `${n} is unlocking`,
  open: (n) => `${n} opened`,
  opening: (n) => `${n} is opening`,
  closed: (n) => `${n} closed`,
  closing: (n) => `${n} is closing`,
};

export function openableHeadline(facts: EntityFacts, _old: string, state: string) {
  return OPENABLE[state]?.(facts.name);
}

/** Display words for the states above. */
export const OPENABLE_WORDS: Readonly<Record<string, string>> = {
  locked: 'Locked',
  unlocked: 'Unlocked',
  locking: 'Locking',
  unlocking: 'Unlocking',
  jammed: 'Jammed',
  open: 'Open',
  opening: 'Opening',
  closed: 'Closed',
  closing: 'Closing',
};
