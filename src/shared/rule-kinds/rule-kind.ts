import type { z } from 'zod';
import type { EntityState } from '../entity';
import type { WatchedNumber } from './number-watch';
import type { PreviewChange, RuleWatch } from './rule-watch';

/**
 * One field of a rule kind in the rule editor; the settings page draws it from this:
 * `text` a text box; `number` a decimal number box; `choice` one of `choices`, shown by label;
 * `state` one of the entity's states and `states` any of them, shown in Home Assistant's words
 * (src/shared/state-text.ts) and kept raw; `attribute` the value a rule on a number watches (the
 * state, or one of the entity's numeric attributes).
 */
export interface EditorField {
  /** The key in the draft's `values`. */
  key: string;
  label: string;
  input: 'text' | 'number' | 'choice' | 'state' | 'states' | 'attribute';
  /** For `choice`: the values and the words the editor shows for them. */
  choices?: readonly { value: string; label: string }[];
  /** The watched value's unit after the label: "Value (°C)". */
  unit?: boolean;
  /** A sentence under the field that says what it does. */
  help?: string;
}

/** A rule's kind-specific part as the rule editor holds it: text until it is checked. */
export type FieldValues = Record<string, string>;

/**
 * Everything about one kind of notification rule: its schema, its name and fields in the editor,
 * its description, how one rule watches its entity and what its preview pretends. One file per
 * kind in src/shared/rule-kinds/, listed in registry.ts; the settings schema, the editor and the
 * engine (src/main/notify/rules-engine.ts) all read it there.
 */
export interface RuleKind<S extends z.ZodType<{ kind: string }>> {
  readonly schema: S;
  /** "Becomes one of these states": the choice in the editor's "Notify when". */
  readonly label: string;
  /** Offered first for entities whose state is a number. */
  readonly forNumbers?: boolean;
  readonly fields: readonly EditorField[];
  /** Field values of a new draft (fields not listed start empty). */
  readonly defaults?: FieldValues;
  toFields(rule: z.infer<S>): FieldValues;
  /** The typed text as the rule's own fields; the schema checks them afterwards. */
  fromFields(values: FieldValues): Record<string, unknown>;
  /**
   * The condition in words, without "for N s": "When it becomes open". `say` gives a state of the
   * rule's entity in a sentence (stateWord in src/shared/state-text.ts).
   */
  describe(rule: z.infer<S>, say: (state: string) => string): string;
  /** How one rule of the kind watches its entity for the engine (see rule-watch.ts). */
  watch(rule: z.infer<S>): RuleWatch;
  /** The change the preview and the test notification pretend for `entity`, as it is now. */
  preview(rule: z.infer<S>, entity: EntityState): PreviewChange;
  /** A kind on a number: the value and bounds its message names (see number-watch.ts). */
  watchedNumber?(rule: z.infer<S>): WatchedNumber;
}

export function defineRuleKind<S extends z.ZodType<{ kind: string }>>(
  kind: RuleKind<S>,
): RuleKind<S> {
  return kind;
}

export const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The fields every kind on a number has (see numberRuleBase in rule-base.ts). */
export const WATCHED_FIELD: EditorField = {
  key: 'attribute',
  label: 'Value to watch',
  input: 'attribute',
};
export const HYSTERESIS_FIELD: EditorField = {
  key: 'hysteresis',
  label: 'Hysteresis',
  input: 'number',
  unit: true,
  help: 'How far back the value must come before the rule notifies again',
};

/** The attribute a kind on a number watches; an empty choice is the state. */
export const attributeToFields = (rule: { attribute?: string | undefined }): FieldValues => ({
  attribute: rule.attribute ?? '',
});

export const attributeFromFields = (values: FieldValues): { attribute?: string } =>
  values.attribute ? { attribute: values.attribute } : {};

/** A list of states as one field value (a state may hold a comma, never a line break). */
export const listToField = (list: readonly string[]): string => list.join('\n');

export const listFromField = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
