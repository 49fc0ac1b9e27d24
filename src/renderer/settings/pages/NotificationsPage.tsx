import { useEffect, useId, useState, type ReactNode } from 'react';
import type { EntityView } from '../../../shared/entity-view';
import type { NotificationPreview } from '../../../shared/ipc/contract';
import type { NotificationRule, NotificationSettings } from '../../../shared/notification-rules';
import { ruleKind } from '../../../shared/rule-kinds/registry';
import type { InstanceEntry } from '../../../shared/settings';
import { entityFacts, friendlyName, stateWord } from '../../../shared/state-text';
import { bridge } from '../../bridge';
import { runDetached } from '../../detached';
import { KindFields, type Invalid } from './KindFields';
import {
  describeRule,
  draftOf,
  kindValues,
  kindsFor,
  newDraft,
  ruleFromDraft,
  type RuleDraft,
} from './rule-draft';

/**
 * One instance's rules per entity; quiet hours and connection alerts, for every instance. Every
 * change is saved at once.
 */
export function NotificationsPage({
  instance,
  notifications,
  entities,
  switcher,
}: {
  /** The instance whose rules the page edits. */
  instance: InstanceEntry;
  notifications: NotificationSettings;
  /** That instance's entities. */
  entities: EntityView[] | null;
  /** The choice of instance, where there are several. */
  switcher?: ReactNode;
}) {
  const { key, rules: allRules } = instance;
  const [editing, setEditing] = useState<RuleDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const byId = new Map((entities ?? []).map((e) => [e.entity_id, e]));

  async function save(next: NotificationSettings): Promise<boolean> {
    const reply = await bridge().updateSettings({ notifications: next });
    setError(reply.ok ? null : reply.error.message);
    return reply.ok;
  }
  async function saveRules(rules: NotificationRule[]): Promise<boolean> {
    const reply = await bridge().updateInstance(key, { rules });
    setError(reply.ok ? null : reply.error.message);
    return reply.ok;
  }

  const rulesByEntity = new Map<string, NotificationRule[]>();
  for (const rule of allRules)
    rulesByEntity.set(rule.entityId, [...(rulesByEntity.get(rule.entityId) ?? []), rule]);

  return (
    <section aria-labelledby="notifications-title" className="page">
      <h1 id="notifications-title">Notifications</h1>
      {switcher}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {allRules.length === 0 && !editing && (
        <p className="notice">No rules yet: HA Tray notifies only what you ask for.</p>
      )}
      {[...rulesByEntity].map(([entityId, rules]) => (
        <div key={entityId} className="rule-group">
          <h2>
            {byId.get(entityId)
              ? friendlyName(byId.get(entityId)!)
              : `${entityId} (not in Home Assistant)`}
          </h2>
          <ul className="rule-list">
            {rules.map((rule) => (
              <li key={rule.id}>
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={rule.enabled}
                    onChange={(e) =>
                      runDetached(
                        saveRules(
                          allRules.map((r) =>
                            r.id === rule.id ? { ...r, enabled: e.target.checked } : r,
                          ),
                        ),
                        'Saving',
                      )
                    }
                  />
                  {describeRule(rule, byId.get(entityId))}
                </label>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setEditing(draftOf(rule))}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button small danger"
                  aria-label={`Remove rule: ${describeRule(rule, byId.get(entityId))}`}
                  onClick={() =>
                    runDetached(saveRules(allRules.filter((r) => r.id !== rule.id)), 'Saving')
                  }
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {editing ? (
        <RuleEditor
          draft={editing}
          instance={key}
          entities={entities ?? []}
          onCancel={() => setEditing(null)}
          onSave={(rule) => {
            const others = allRules.filter((r) => r.id !== rule.id);
            const exists = others.length !== allRules.length;
            const rules = exists
              ? allRules.map((r) => (r.id === rule.id ? rule : r))
              : [...others, rule];
            runDetached(
              saveRules(rules).then((saved) => saved && setEditing(null)),
              'Saving',
            );
          }}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button primary" onClick={() => setEditing(newDraft())}>
            Add a rule
          </button>
        </div>
      )}

      <h2>Quiet hours</h2>
      <div className="field-row quiet-hours">
        <label className="inline">
          <input
            type="checkbox"
            checked={notifications.quietHours.enabled}
            onChange={(e) =>
              runDetached(
                save({
                  ...notifications,
                  quietHours: { ...notifications.quietHours, enabled: e.target.checked },
                }),
                'Saving',
              )
            }
          />
          No notifications between
        </label>
        <input
          aria-label="Quiet from"
          type="time"
          value={notifications.quietHours.start}
          onChange={(e) =>
            runDetached(
              save({
                ...notifications,
                quietHours: { ...notifications.quietHours, start: e.target.value },
              }),
              'Saving',
            )
          }
        />
        <span>and</span>
        <input
          aria-label="Quiet until"
          type="time"
          value={notifications.quietHours.end}
          onChange={(e) =>
            runDetached(
              save({
                ...notifications,
                quietHours: { ...notifications.quietHours, end: e.target.value },
              }),
              'Saving',
            )
          }
        />
      </div>

      <h2>Connection</h2>
      <label className="inline">
        <input
          type="checkbox"
          checked={notifications.connectionAlerts.enabled}
          onChange={(e) =>
            runDetached(
              save({
                ...notifications,
                connectionAlerts: { ...notifications.connectionAlerts, enabled: e.target.checked },
              }),
              'Saving',
            )
          }
        />
        Tell me when the connection is lost for more than{' '}
        {notifications.connectionAlerts.lostAfterSeconds} seconds, is back, or the token is rejected
      </label>
    </section>
  );
}

function RuleEditor({
  draft: initial,
  instance,
  entities,
  onSave,
  onCancel,
}: {
  draft: RuleDraft;
  /** The instance the rule's entity is in. */
  instance: string;
  entities: EntityView[];
  onSave: (rule: NotificationRule) => void;
  onCancel: () => void;
}) {
  const ids = {
    entity: useId(),
    kind: useId(),
    list: useId(),
    hold: useId(),
    cooldown: useId(),
    message: useId(),
    field: useId(),
  };
  const [draft, setDraft] = useState(initial);
  const [preview, setPreview] = useState<NotificationPreview | string | null>(null);
  const entity = entities.find((e) => e.entity_id === draft.entityId.trim());
  const checked = ruleFromDraft(draft, entity);
  const set = (patch: Partial<RuleDraft>) => setDraft({ ...draft, ...patch });
  const ruleJson = checked.ok ? JSON.stringify(checked.rule) : null;

  useEffect(() => {
    if (!ruleJson || !entity) return;
    let live = true;
    runDetached(
      bridge()
        .previewNotification(instance, JSON.parse(ruleJson) as NotificationRule)
        .then((reply) => {
          if (live) setPreview(reply.ok ? reply.value : reply.error.message);
        }),
      'Previewing the notification',
    );
    return () => {
      live = false;
    };
  }, [ruleJson, entity, instance]);

  // Problems show once an entity is chosen; each is tied to its field (aria-invalid, and the
  // sentence as the field's description) so a screen reader says it at the field.
  const problems = checked.ok || draft.entityId.trim() === '' ? [] : checked.problems;
  const problemId = (field: string) => `${ids.field}-problem-${field.replace(/\W/g, '_')}`;
  const invalid: Invalid = (key) => {
    const problem = problems.find((p) => p.field === key || p.field.startsWith(`${key}.`));
    return problem ? { 'aria-invalid': true, 'aria-describedby': problemId(problem.field) } : {};
  };
  return (
    <form
      className="rule-editor"
      aria-label="Notification rule"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok) onSave(checked.rule);
      }}
    >
      <div className="field">
        <label htmlFor={ids.entity}>Entity</label>
        <input
          id={ids.entity}
          list={ids.list}
          value={draft.entityId}
          placeholder="binary_sensor.front_door"
          onChange={(e) => set({ entityId: e.target.value })}
          {...invalid('entityId')}
        />
        <datalist id={ids.list}>
          {entities.map((e) => (
            <option key={e.entity_id} value={e.entity_id}>
              {friendlyName(e)}
            </option>
          ))}
        </datalist>
        {entity && (
          <span className="hint">
            {friendlyName(entity)} is {stateWord(entityFacts(entity), entity.state)} now
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>Notify when</label>
        <select
          id={ids.kind}
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as RuleDraft['kind'] })}
        >
          {kindsFor(entity).map((kind) => (
            <option key={kind} value={kind}>
              {ruleKind(kind).label}
            </option>
          ))}
        </select>
      </div>
      <KindFields
        fields={ruleKind(draft.kind).fields}
        values={kindValues(draft, entity)}
        idPrefix={ids.field}
        entity={entity}
        invalid={invalid}
        onChange={(key, value) => set({ values: { ...draft.values, [key]: value } })}
      />
      <div className="rule-fields">
        <div className="field">
          <label htmlFor={ids.hold}>Only if it stays so for (seconds, optional)</label>
          <input
            id={ids.hold}
            inputMode="numeric"
            value={draft.forSeconds}
            onChange={(e) => set({ forSeconds: e.target.value })}
            {...invalid('forSeconds')}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.cooldown}>Then stay quiet for (seconds)</label>
          <input
            id={ids.cooldown}
            inputMode="numeric"
            value={draft.cooldownSeconds}
            onChange={(e) => set({ cooldownSeconds: e.target.value })}
            {...invalid('cooldownSeconds')}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.message}>Message (optional)</label>
        <input
          id={ids.message}
          value={draft.message}
          placeholder="{name} is {state}"
          onChange={(e) => set({ message: e.target.value })}
          {...invalid('message')}
        />
      </div>
      {problems.length > 0 && (
        <ul className="notice warn">
          {problems.map((p) => (
            <li key={`${p.field}${p.message}`} id={problemId(p.field)}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {checked.ok && preview && (
        <div className="notice" aria-label="Preview">
          {typeof preview === 'string' ? (
            preview
          ) : (
            <>
              <p className="notice-title">{preview.title}</p>
              <p>{preview.body}</p>
            </>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button"
          disabled={!checked.ok || !entity}
          onClick={() => {
            if (checked.ok)
              runDetached(
                bridge().sendTestNotification(instance, checked.rule),
                'Sending a test notification',
              );
          }}
        >
          Send test notification
        </button>
        <button type="submit" className="button primary" disabled={!checked.ok}>
          Save rule
        </button>
      </div>
    </form>
  );
}
