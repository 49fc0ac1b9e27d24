import { suggestedRuleStates } from '../../../shared/domains/registry';
import { toNumber } from '../../../shared/numeric-value';
import type { EntityView } from '../../../shared/entity-view';
import type { NotificationRule, NotificationRuleKind } from '../../../shared/notification-rules';
import { validateNotificationRule } from '../../../shared/notification-rules';
import { ruleKind, ruleKinds } from '../../../shared/rule-kinds/registry';
import type { FieldValues } from '../../../shared/rule-kinds/rule-kind';
import { numberOrUndefined } from '../../../shared/rule-kinds/rule-kind';

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

/** The draft's values with the kind's defaults for fields not typed yet. */
export function kindValues(draft: RuleDraft): FieldValues {
  return { ...ruleKind(draft.kind).defaults, ...draft.values };
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

/** The draft as a rule, checked by the same schema main uses; problems in words for each field. */
export function ruleFromDraft(draft: RuleDraft, enabled = true) {
  const forSeconds = numberOrUndefined(draft.forSeconds);
  return validateNotificationRule({
    id: draft.id,
    entityId: draft.entityId.trim(),
    enabled,
    cooldownSeconds: numberOrUndefined(draft.cooldownSeconds) ?? 0,
    ...(forSeconds !== undefined ? { forSeconds } : {}),
    ...(draft.message.trim() ? { message: draft.message.trim() } : {}),
    kind: draft.kind,
    ...ruleKind(draft.kind).fromFields(kindValues(draft)),
  });
}

/** States worth suggesting for an entity's domain (src/shared/domains/). */
export function suggestedStates(entity: EntityView | undefined): string[] {
  return entity ? suggestedRuleStates(entity) : [];
}

/** Rule kinds that fit the entity: those for numbers first when its state is a number. */
export function kindsFor(entity: EntityView | undefined): NotificationRuleKind[] {
  // The engine's own idea of a number, so the editor never offers a rule that cannot fire.
  const numeric = entity !== undefined && toNumber(entity.state) !== undefined;
  const all = ruleKinds();
  const ordered = numeric
    ? [...all.filter((k) => k.forNumbers), ...all.filter((k) => !k.forNumbers)]
    : all.filter((k) => !k.forNumbers);
  return ordered.map((k) => k.name as NotificationRuleKind);
}

/** A rule in one line: "When it becomes open", "When it goes above 25 (±1)". */
export function describeRule(rule: NotificationRule): string {
  const hold = rule.forSeconds ? ` for ${rule.forSeconds} s` : '';
  return `${ruleKind(rule.kind).describe(rule)}${hold}`;
}
