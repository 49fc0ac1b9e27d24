import type { NotificationRule, NotificationRuleKind } from '../../../shared/notification-rules';
import { validateNotificationRule } from '../../../shared/notification-rules';
import { suggestedRuleStates } from '../../../shared/domains/registry';
import type { EntityView } from '../../../shared/entity-view';

/** The rule editor's fields, as typed: text until it is checked. */
export interface RuleDraft {
  id: string;
  entityId: string;
  kind: NotificationRuleKind;
  states: string;
  from: string;
  to: string;
  direction: 'above' | 'below';
  threshold: string;
  hysteresis: string;
  forSeconds: string;
  cooldownSeconds: string;
  message: string;
}

export function newDraft(entityId = ''): RuleDraft {
  return {
    id: `rule-${Date.now().toString(36)}`,
    entityId,
    kind: 'becomes',
    states: '',
    from: '',
    to: '',
    direction: 'above',
    threshold: '',
    hysteresis: '0',
    forSeconds: '',
    cooldownSeconds: '60',
    message: '',
  };
}

export function draftOf(rule: NotificationRule): RuleDraft {
  const draft = newDraft(rule.entityId);
  draft.id = rule.id;
  draft.kind = rule.kind;
  draft.forSeconds = rule.forSeconds === undefined ? '' : String(rule.forSeconds);
  draft.cooldownSeconds = String(rule.cooldownSeconds);
  draft.message = rule.message ?? '';
  if (rule.kind === 'becomes') draft.states = rule.states.join(', ');
  if (rule.kind === 'transition') Object.assign(draft, { from: rule.from, to: rule.to });
  if (rule.kind === 'threshold') {
    Object.assign(draft, {
      direction: rule.direction,
      threshold: String(rule.threshold),
      hysteresis: String(rule.hysteresis),
    });
  }
  return draft;
}

const number = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The draft as a rule, checked by the same schema main uses; problems in words for each field. */
export function ruleFromDraft(draft: RuleDraft, enabled = true) {
  const base = {
    id: draft.id,
    entityId: draft.entityId.trim(),
    enabled,
    cooldownSeconds: number(draft.cooldownSeconds) ?? 0,
    ...(number(draft.forSeconds) !== undefined ? { forSeconds: number(draft.forSeconds) } : {}),
    ...(draft.message.trim() ? { message: draft.message.trim() } : {}),
  };
  const byKind = {
    any_change: {},
    becomes: {
      states: draft.states
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    transition: { from: draft.from.trim(), to: draft.to.trim() },
    threshold: {
      direction: draft.direction,
      threshold: number(draft.threshold),
      hysteresis: number(draft.hysteresis) ?? 0,
    },
  }[draft.kind];
  return validateNotificationRule({ ...base, kind: draft.kind, ...byKind });
}

/** States worth suggesting for an entity's domain (src/shared/domains/). */
export function suggestedStates(entity: EntityView | undefined): string[] {
  return entity ? suggestedRuleStates(entity) : [];
}

/** Rule types that fit the entity: thresholds only for numeric values. */
export function kindsFor(entity: EntityView | undefined): NotificationRuleKind[] {
  const numeric =
    entity !== undefined && entity.state.trim() !== '' && !Number.isNaN(Number(entity.state));
  return numeric
    ? ['threshold', 'any_change', 'becomes', 'transition']
    : ['becomes', 'transition', 'any_change'];
}

/** A rule in one line: "When it becomes open", "When it goes above 25 (±1)". */
export function describeRule(rule: NotificationRule): string {
  const hold = rule.forSeconds ? ` for ${rule.forSeconds} s` : '';
  switch (rule.kind) {
    case 'any_change':
      return `On any change${hold}`;
    case 'becomes':
      return `When it becomes ${rule.states.join(' or ')}${hold}`;
    case 'transition':
      return `When it goes from ${rule.from} to ${rule.to}${hold}`;
    case 'threshold':
      return `When ${rule.attribute ?? 'it'} goes ${rule.direction} ${rule.threshold}${rule.hysteresis ? ` (±${rule.hysteresis})` : ''}${hold}`;
  }
}
