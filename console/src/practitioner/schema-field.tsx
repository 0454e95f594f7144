import { useI18n } from '../i18n/i18n';
import { L, technical } from '../shared/labels';
import type { JsonSchema } from '../shared/types';
import { branchFor, discriminator, initialValue, kindOf, withoutNull } from './schema';

/** Field errors by dotted path within the command's data (`nextLevel.name`, `topics.0`). */
export type FieldErrors = ReadonlyMap<string, string>;

interface FieldProps {
  readonly schema: JsonSchema;
  readonly name: string;
  /** Dotted path from the form's root; also the element id's suffix. */
  readonly path: string;
  readonly idPrefix: string;
  readonly required: boolean;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly errors: FieldErrors;
}

export const fieldId = (idPrefix: string, path: string) => `${idPrefix}-${path.replace(/[^A-Za-z0-9_-]/g, '_') || 'root'}`;

/** One field drawn from a JSON Schema, with its label, hint and the API's error beside it. */
export function SchemaField(props: FieldProps) {
  const { t } = useI18n();
  const schema = withoutNull(props.schema);
  const kind = kindOf(schema);
  if (kind === 'object') return <ObjectFields {...props} schema={schema} />;
  if (kind === 'variants') return <Variants {...props} schema={schema} />;
  if (kind === 'fixed') return null;
  const id = fieldId(props.idPrefix, props.path);
  const error = props.errors.get(props.path);
  const describedBy = [schema.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const label = (
    <span class="label-text">
      <L label={technical(props.name)} />
      {props.required ? <span class="required">{t.required}</span> : <span class="optional">{t.optional}</span>}
    </span>
  );
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, name: props.path };
  // Descriptions are written in the workflows' schemas, in English for now.
  const hint = schema.description ? (
    <span id={`${id}-hint`} class="hint" lang="en">
      {schema.description}
    </span>
  ) : null;
  const errorLine = error ? <span id={`${id}-error`} class="field-error">{error}</span> : null;

  if (kind === 'boolean' && props.required) {
    return (
      <div class={`field checkbox${error ? ' invalid' : ''}`}>
        <input type="checkbox" {...common} checked={props.value === true} onChange={(e) => props.onChange(e.currentTarget.checked)} />
        <label for={id}>{label}</label>
        {hint}
        {errorLine}
      </div>
    );
  }
  if (kind === 'multiChoice') {
    const chosen = Array.isArray(props.value) ? (props.value as unknown[]) : [];
    return (
      <fieldset class={`field choices${error ? ' invalid' : ''}`} id={id} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {hint}
        {(schema.items?.enum ?? []).map((option) => {
          const optionId = `${id}-${String(option)}`;
          return (
            <div class="checkbox" key={String(option)}>
              <input
                type="checkbox"
                id={optionId}
                checked={chosen.includes(option)}
                onChange={(e) => props.onChange(e.currentTarget.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
              />
              <label for={optionId}>
                <L label={technical(String(option))} />
              </label>
            </div>
          );
        })}
        {errorLine}
      </fieldset>
    );
  }
  if (kind === 'list') return <ListField {...props} schema={schema} id={id} label={label} hint={hint} errorLine={errorLine} />;

  let control;
  if (kind === 'choice' || kind === 'boolean') {
    const options = kind === 'boolean' ? [true, false] : (schema.enum ?? []);
    control = (
      <select
        {...common}
        value={props.value === undefined ? '' : String(props.value)}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          props.onChange(raw === '' ? undefined : options.find((o) => String(o) === raw));
        }}
      >
        <option value="">{props.required ? t.choose : '—'}</option>
        {options.map((option) =>
          typeof option === 'boolean' ? (
            <option key={String(option)} value={String(option)}>
              {option ? t.yes : t.no}
            </option>
          ) : (
            <OptionLabel key={String(option)} value={String(option)} />
          ),
        )}
      </select>
    );
  } else if (kind === 'number') {
    control = (
      <input
        type="number"
        {...common}
        step={schema.type === 'integer' ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={typeof props.value === 'number' ? props.value : ''}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          props.onChange(raw === '' ? undefined : Number(raw));
        }}
      />
    );
  } else if (kind === 'json') {
    control = (
      <textarea
        {...common}
        rows={3}
        value={props.value === undefined ? '' : JSON.stringify(props.value)}
        onInput={(e) => {
          try {
            props.onChange(e.currentTarget.value === '' ? undefined : JSON.parse(e.currentTarget.value));
          } catch {
            props.onChange(e.currentTarget.value);
          }
        }}
      />
    );
  } else {
    const long = (schema.maxLength ?? 0) > 500;
    const Tag = long ? 'textarea' : 'input';
    control = (
      <Tag
        {...common}
        {...(long ? { rows: 3 } : { type: kind === 'date' ? 'date' : 'text' })}
        placeholder={schema.format === 'date-time' ? t.dateTimeExample : undefined}
        value={typeof props.value === 'string' ? props.value : ''}
        onInput={(e: Event) => props.onChange((e.currentTarget as HTMLInputElement).value)}
      />
    );
  }
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint}
      {control}
      {errorLine}
    </div>
  );
}

/** An enum value as an option; an `<option>` holds text only, so its language is its own attribute. */
function OptionLabel({ value }: { value: string }) {
  const { language } = useI18n();
  const label = technical(value);
  return (
    <option value={value} lang={label.lang === language ? undefined : label.lang}>
      {label.text}
    </option>
  );
}

function ObjectFields(props: FieldProps) {
  const { t } = useI18n();
  const value = (props.value ?? {}) as Record<string, unknown>;
  const required = props.schema.required ?? [];
  const fields = Object.entries(props.schema.properties ?? {}).map(([key, child]) => (
    <SchemaField
      key={key}
      schema={child}
      name={key}
      path={props.path ? `${props.path}.${key}` : key}
      idPrefix={props.idPrefix}
      required={required.includes(key)}
      value={value[key]}
      onChange={(next) => props.onChange({ ...value, [key]: next })}
      errors={props.errors}
    />
  ));
  if (!props.path) return <>{fields}</>;
  const error = props.errors.get(props.path);
  return (
    <fieldset class={`field group${error ? ' invalid' : ''}`}>
      <legend>
        <L label={technical(props.name)} />
        {props.required ? '' : t.optional}
      </legend>
      {error ? <span class="field-error">{error}</span> : null}
      {fields}
    </fieldset>
  );
}

/** A discriminated union: choose the kind first, then fill in that kind's fields. */
function Variants(props: FieldProps) {
  const { t } = useI18n();
  const key = discriminator(props.schema)!;
  const branch = branchFor(props.schema, props.value);
  const options = (props.schema.oneOf ?? props.schema.anyOf ?? []).map((b) => b.properties![key]!.const);
  const id = fieldId(props.idPrefix, props.path ? `${props.path}.${key}` : key);
  const value = (props.value ?? {}) as Record<string, unknown>;
  return (
    <>
      <div class="field">
        <label for={id}>
          <span class="label-text">
            <L label={technical(key)} />
            <span class="required">{t.required}</span>
          </span>
        </label>
        <select
          id={id}
          value={String(branch.properties![key]!.const)}
          onChange={(e) => {
            const chosen = options.find((o) => String(o) === e.currentTarget.value);
            const next = (props.schema.oneOf ?? props.schema.anyOf ?? []).find((b) => b.properties![key]!.const === chosen)!;
            props.onChange({ ...(initialValue(next) as object), ...value, [key]: chosen });
          }}
        >
          {options.map((o) => (
            <OptionLabel key={String(o)} value={String(o)} />
          ))}
        </select>
      </div>
      <ObjectFields {...props} schema={branch} />
    </>
  );
}

function ListField(props: FieldProps & { id: string; label: preact.JSX.Element; hint: preact.JSX.Element | null; errorLine: preact.JSX.Element | null }) {
  const { t } = useI18n();
  const name = technical(props.name);
  const items = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const itemSchema = props.schema.items ?? {};
  return (
    <fieldset class={`field list${props.errorLine ? ' invalid' : ''}`} id={props.id}>
      <legend>{props.label}</legend>
      {props.hint}
      {props.errorLine}
      <ol>
        {items.map((item, index) => (
          <li key={index}>
            <SchemaField
              schema={itemSchema}
              name={`${props.name} ${index + 1}`}
              path={`${props.path}.${index}`}
              idPrefix={props.idPrefix}
              required
              value={item}
              onChange={(next) => props.onChange(items.map((old, i) => (i === index ? next : old)))}
              errors={props.errors}
            />
            <button type="button" class="secondary" onClick={() => props.onChange(items.filter((_, i) => i !== index))}>
              {t.remove} <L label={{ ...name, text: `${name.text} ${index + 1}` }} />
            </button>
          </li>
        ))}
      </ol>
      <button type="button" class="secondary" onClick={() => props.onChange([...items, initialValue(itemSchema)])}>
        {t.add} <L label={name} />
      </button>
    </fieldset>
  );
}
