import type { EntityView } from '../../../shared/entity-view';
import type { EditorField } from '../../../shared/rule-kinds/rule-kind';
import { listFromField, listToField } from '../../../shared/rule-kinds/rule-kind';
import { attributeChoices, stateChoices, watchedUnit, type Choice } from './rule-draft';

/** A field's error state: aria-invalid and the id of the sentence that explains it, if any. */
export type Invalid = (key: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };

interface FieldProps {
  field: EditorField;
  id: string;
  value: string;
  values: Record<string, string>;
  entity: EntityView | undefined;
  invalid: Invalid;
  onChange: (value: string) => void;
}

/**
 * The fields of the chosen rule kind, drawn from its description in src/shared/rule-kinds/: each
 * a label above its control, in a grid whose rows line their controls up however the labels wrap.
 */
export function KindFields({
  fields,
  values,
  idPrefix,
  entity,
  invalid,
  onChange,
}: {
  fields: readonly EditorField[];
  values: Record<string, string>;
  idPrefix: string;
  entity: EntityView | undefined;
  invalid: Invalid;
  onChange: (key: string, value: string) => void;
}) {
  if (fields.length === 0) return null;
  return (
    <div className="rule-fields">
      {fields.map((field) => (
        <KindField
          key={field.key}
          field={field}
          id={`${idPrefix}-${field.key}`}
          value={values[field.key] ?? ''}
          values={values}
          entity={entity}
          invalid={invalid}
          onChange={(value) => onChange(field.key, value)}
        />
      ))}
    </div>
  );
}

function KindField(props: FieldProps) {
  const { field, id, value, values, entity, invalid, onChange } = props;
  if (field.input === 'states') return <StateBoxes {...props} />;
  const helpId = `${id}-help`;
  const problem = invalid(field.key);
  const describedBy = [problem['aria-describedby'], field.help ? helpId : undefined]
    .filter(Boolean)
    .join(' ');
  const aria = {
    ...(problem['aria-invalid'] ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
  const unit = field.unit ? watchedUnit(entity, values.attribute ?? '') : undefined;
  const choices = choicesOf(field, value, entity);
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {unit ? ` (${unit})` : ''}
      </label>
      {choices ? (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          {...(field.input === 'number' ? { inputMode: 'decimal' as const } : {})}
          onChange={(e) => onChange(e.target.value)}
          {...aria}
        />
      )}
      {field.help && (
        <span className="hint" id={helpId}>
          {field.help}
        </span>
      )}
    </div>
  );
}

/** The words a choice field offers; undefined for a field typed as text. */
function choicesOf(
  field: EditorField,
  value: string,
  entity: EntityView | undefined,
): readonly Choice[] | undefined {
  switch (field.input) {
    case 'choice':
      return field.choices ?? [];
    case 'attribute':
      return attributeChoices(entity, value);
    case 'state': {
      // A new rule has no state yet: the list starts with a prompt instead of a silent first state.
      const states = stateChoices(entity, [value]);
      return value === '' ? [{ value: '', label: 'Choose a state' }, ...states] : states;
    }
    default:
      return undefined;
  }
}

/** Any of the entity's states, one checkbox each, in Home Assistant's words; the raw states are kept. */
function StateBoxes({ field, id, value, entity, invalid, onChange }: FieldProps) {
  const chosen = listFromField(value);
  const problem = invalid(field.key)['aria-describedby'];
  const toggle = (state: string, on: boolean) =>
    onChange(listToField(on ? [...chosen, state] : chosen.filter((s) => s !== state)));
  return (
    <fieldset className="field state-choices" {...(problem ? { 'aria-describedby': problem } : {})}>
      <legend className="label">{field.label}</legend>
      {stateChoices(entity, chosen).map((choice, index) => (
        <label key={choice.value} className="inline" htmlFor={`${id}-${index}`}>
          <input
            id={`${id}-${index}`}
            type="checkbox"
            checked={chosen.includes(choice.value)}
            onChange={(e) => toggle(choice.value, e.target.checked)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}
