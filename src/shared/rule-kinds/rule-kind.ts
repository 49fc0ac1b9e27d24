import type { z } from 'zod';

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
 * Everything the shared code knows about one kind of notification rule: its schema, its name
 * and fields in the editor, and its description. One file per kind in src/shared/rule-kinds/,
 * listed in registry.ts; the engine's side is in src/main/notify/rule-kinds/.
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
}

export function defineRuleKind<S extends z.ZodType<{ kind: string }>>(
  kind: RuleKind<S>,
): RuleKind<S> {
  return kind;
}

export const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text));
