import type { EntityState } from '../entity';
import { anyChange } from './any-change';
import { becomes } from './becomes';
import type { WatchedNumber } from './number-watch';
import { outsideRange } from './outside-range';
import type { FieldValues } from './rule-kind';
import type { PreviewChange, RuleWatch } from './rule-watch';
import { threshold } from './threshold';
import { transition } from './transition';

/** Every kind of notification rule, in the order the editor offers them. */
const RULE_KINDS = [becomes, transition, anyChange, threshold, outsideRange] as const;

type Schemas<T extends readonly { schema: unknown }[]> = { [K in keyof T]: T[K]['schema'] };

/** The schemas of all kinds, for the rule schema's discriminated union. */
export const ruleKindSchemas = RULE_KINDS.map((kind) => kind.schema) as unknown as Schemas<
  typeof RULE_KINDS
>;

type Kind = (typeof RULE_KINDS)[number];
type Rule = { kind: string } & Record<string, unknown>;

/** The kind's name, from its schema's literal: "becomes". */
const nameOf = (kind: Kind): string => kind.schema.shape.kind.value;

/** What the editor, the rule list, the engine and the messages need of a kind, by name. */
export interface RuleKindView {
  name: string;
  label: string;
  forNumbers: boolean;
  fields: Kind['fields'];
  defaults: FieldValues;
  toFields(rule: Rule): FieldValues;
  fromFields(values: FieldValues): Record<string, unknown>;
  describe(rule: Rule, say: (state: string) => string): string;
  watch(rule: Rule): RuleWatch;
  preview(rule: Rule, entity: EntityState): PreviewChange;
  watchedNumber?(rule: Rule): WatchedNumber;
}

// The functions take the rule of their own kind; the registry looks kinds up by the rule's name.
const VIEWS: readonly RuleKindView[] = RULE_KINDS.map((kind) => ({
  name: nameOf(kind),
  label: kind.label,
  forNumbers: 'forNumbers' in kind && kind.forNumbers === true,
  fields: kind.fields,
  defaults: 'defaults' in kind && kind.defaults ? kind.defaults : {},
  toFields: kind.toFields as (rule: Rule) => FieldValues,
  fromFields: kind.fromFields,
  describe: kind.describe as RuleKindView['describe'],
  watch: kind.watch as (rule: Rule) => RuleWatch,
  preview: kind.preview as (rule: Rule, entity: EntityState) => PreviewChange,
  ...('watchedNumber' in kind
    ? { watchedNumber: kind.watchedNumber as (rule: Rule) => WatchedNumber }
    : {}),
}));

/** The user's message for a rule whose type is missing or unknown: it names every kind there is. */
export const UNKNOWN_RULE_KIND_MESSAGE = `Choose a rule type: ${oneOf(VIEWS.map((v) => `"${v.name}"`))}`;

/** "a", "a or b", "a, b or c". */
function oneOf(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

export function ruleKinds(): readonly RuleKindView[] {
  return VIEWS;
}

export function ruleKind(name: string): RuleKindView {
  const view = VIEWS.find((v) => v.name === name);
  if (!view) throw new Error(`Unknown rule kind ${name}`);
  return view;
}
