import type { z } from 'zod';
import type { EntityState } from '../entity';
import type { WatchedNumber } from './number-watch';
import type { PreviewChange, RuleWatch } from './rule-watch';

/** One field of a rule kind in the rule editor; the settings page draws it from this. */
export interface EditorField {
  /** The key in the draft's `values`. */
  key: string;
  label: string;
  /** A choice among these words instead of free text. */
  choices?: readonly string[];
  /** `states`: the entity's suggested states as placeholder; `unit`: its unit after the label. */
  hint?: 'states' | 'unit';
  /** Typed as a decimal number. */
  numeric?: boolean;
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
  /** The condition in words, without "for N s": "When it becomes open". */
  describe(rule: z.infer<S>): string;
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

/**
 * The attribute a kind on a number watches, kept through the editor: the editor has no field
 * for it (only a hand-edited file sets one), so an edited rule would otherwise lose it.
 */
export const attributeToFields = (rule: { attribute?: string | undefined }): FieldValues =>
  rule.attribute === undefined ? {} : { attribute: rule.attribute };

export const attributeFromFields = (values: FieldValues): { attribute?: string } =>
  values.attribute === undefined ? {} : { attribute: values.attribute };
