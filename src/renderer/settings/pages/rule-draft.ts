import { domainModule, suggestedRuleStates } from '../../../shared/domains/registry';
import { domainOf } from '../../../shared/entity';
import type { EntityView } from '../../../shared/entity-view';
import type { NotificationRule, NotificationRuleKind } from '../../../shared/notification-rules';
import { validateNotificationRule } from '../../../shared/notification-rules';
import { numericAttributes, toNumber } from '../../../shared/numeric-value';
import { ruleKind, ruleKinds } from '../../../shared/rule-kinds/registry';
import type { FieldValues } from '../../../shared/rule-kinds/rule-kind';
import { numberOrUndefined } from '../../../shared/rule-kinds/rule-kind';
import {
  attributeName,
  entityFacts,
  formatValue,
  stateLabel,
  stateWord,
} from '../../../shared/state-text';

/** The rule editor's fields, as typed: text until it is checked. */
export interface RuleDraft {
  id: string;
  entityId: string;
  kind: NotificationRuleKind;
  /** The kind's own fields (src/shared/rule-kinds/), by key. */
  values: FieldValues;
  forSeconds: string;
  cooldownSeconds: string;
  message: string;
}

/** A choice in the editor: the value saved, the words shown. */
export interface Choice {
  value: string;
  label: string;
}

const hasNumberState = (entity: EntityView | undefined) =>
  entity !== undefined && toNumber(entity.state) !== undefined;

/**
 * The draft's values with the kind's defaults for fields not typed yet. A rule on a number of an
 * entity whose state is no number (a thermostat's "heat") watches its first numeric attribute.
 */
export function kindValues(draft: RuleDraft, entity: EntityView | undefined): FieldValues {
  const kind = ruleKind(draft.kind);
  const values = { ...kind.defaults, ...draft.values };
  const watches = kind.fields.some((field) => field.input === 'attribute');
  if (watches && values.attribute === undefined && entity && !hasNumberState(entity))
    values.attribute = numericAttributes(entity)[0] ?? '';
  return values;
}

export function newDraft(entityId = ''): RuleDraft {
  return {
    id: `rule-${Date.now().toString(36)}`,
    entityId,
    kind: 'becomes',
    values: {},
    forSeconds: '',
    cooldownSeconds: '60',
    message: '',
  };
}

export function draftOf(rule: NotificationRule): RuleDraft {
  return {
    ...newDraft(rule.entityId),
    id: rule.id,
    kind: rule.kind,
    values: ruleKind(rule.kind).toFields(rule),
    forSeconds: rule.forSeconds === undefined ? '' : String(rule.forSeconds),
    cooldownSeconds: String(rule.cooldownSeconds),
    message: rule.message ?? '',
  };
}

/** A problem with one field of the draft, in words. */
export interface DraftProblem {
  field: string;
  message: string;
}

export type DraftCheck =
  { ok: true; rule: NotificationRule } | { ok: false; problems: DraftProblem[] };

/**
 * The draft as a rule, checked by the same schema main uses, and against the entity as it is now
 * (a watched attribute must hold a number); problems in words for each field.
 */
export function ruleFromDraft(
  draft: RuleDraft,
  entity: EntityView | undefined,
  enabled = true,
): DraftCheck {
  const forSeconds = numberOrUndefined(draft.forSeconds);
  const values = kindValues(draft, entity);
  const checked = validateNotificationRule({
    id: draft.id,
    entityId: draft.entityId.trim(),
    enabled,
    cooldownSeconds: numberOrUndefined(draft.cooldownSeconds) ?? 0,
    ...(forSeconds !== undefined ? { forSeconds } : {}),
    ...(draft.message.trim() ? { message: draft.message.trim() } : {}),
    kind: draft.kind,
    ...ruleKind(draft.kind).fromFields(values),
  });
  const attribute = values.attribute;
  const watchesNothing =
    entity !== undefined &&
    attribute !== undefined &&
    attribute !== '' &&
    !numericAttributes(entity).includes(attribute);
  if (!watchesNothing) return checked;
  const { name, domain } = entityFacts(entity);
  const problem = {
    field: 'attribute',
    message: `${name} has no number in "${attributeName(domain, attribute).toLowerCase()}" now: choose a value to watch`,
  };
  return { ok: false, problems: [problem, ...(checked.ok ? [] : checked.problems)] };
}

/** States worth suggesting for an entity's domain (src/shared/domains/). */
export function suggestedStates(entity: EntityView | undefined): string[] {
  return entity ? suggestedRuleStates(entity) : [];
}

/**
 * The states the editor offers for the entity, in Home Assistant's words: its domain's, its state
 * now, "unavailable", and those the rule names already (so editing a rule loses none).
 */
export function stateChoices(entity: EntityView | undefined, chosen: readonly string[]): Choice[] {
  const states = new Set([...suggestedStates(entity), ...(entity ? [entity.state] : [])]);
  if (entity) states.add('unavailable');
  for (const state of chosen) if (state !== '') states.add(state);
  const facts = entity ? entityFacts(entity) : undefined;
  return [...states].map((state) => ({
    value: state,
    label: facts ? stateLabel(facts, state) : state,
  }));
}

/** The unit of what a rule on a number watches: the state's, or the attribute's if its domain knows it. */
export function watchedUnit(entity: EntityView | undefined, attribute: string): string | undefined {
  if (!entity) return undefined;
  if (attribute === '') return entityFacts(entity).unit;
  return domainModule(domainOf(entity.entity_id))?.attributeUnit?.(entity, attribute);
}

/**
 * What a rule on a number may watch, with its value now: "State (21.5 °C)" when the state is a
 * number, "Current temperature (20.5 °C)" for each numeric attribute, and the rule's own choice.
 */
export function attributeChoices(entity: EntityView | undefined, chosen: string): Choice[] {
  const domain = entity ? domainOf(entity.entity_id) : '';
  const now = (attribute: string, raw: unknown) =>
    toNumber(raw) === undefined
      ? `${attributeName(domain, attribute)} (not a number now)`
      : `${attributeName(domain, attribute)} (${formatValue(String(raw), watchedUnit(entity, attribute))})`;
  const choices: Choice[] = [];
  if (!entity || hasNumberState(entity) || chosen === '')
    choices.push({
      value: '',
      label: entity ? `State (${stateLabel(entityFacts(entity), entity.state)})` : 'State',
    });
  const attributes = entity ? numericAttributes(entity) : [];
  if (chosen !== '' && !attributes.includes(chosen)) attributes.unshift(chosen);
  for (const attribute of attributes)
    choices.push({ value: attribute, label: now(attribute, entity?.attributes[attribute]) });
  return choices;
}

/**
 * Rule kinds that fit the entity: those on a number first when its state is a number, after the
 * others when only attributes hold numbers (a thermostat's temperatures), else none of them.
 */
export function kindsFor(entity: EntityView | undefined): NotificationRuleKind[] {
  // The engine's own idea of a number, so the editor never offers a rule that cannot fire.
  const all = ruleKinds();
  const onNumbers = all.filter((k) => k.forNumbers);
  const onStates = all.filter((k) => !k.forNumbers);
  const ordered = hasNumberState(entity)
    ? [...onNumbers, ...onStates]
    : entity && numericAttributes(entity).length > 0
      ? [...onStates, ...onNumbers]
      : onStates;
  return ordered.map((k) => k.name as NotificationRuleKind);
}

/**
 * A rule in one line, its states in the entity's words: "When it becomes open", "When it goes
 * above 25 (±1)". Without the entity (not in Home Assistant now) the domain's words still apply.
 */
export function describeRule(rule: NotificationRule, entity: EntityView | undefined): string {
  const facts = entity
    ? entityFacts(entity)
    : entityFacts({ entity_id: rule.entityId, attributes: {} });
  const hold = rule.forSeconds ? ` for ${rule.forSeconds} s` : '';
  return `${ruleKind(rule.kind).describe(rule, (state) => stateWord(facts, state))}${hold}`;
}
