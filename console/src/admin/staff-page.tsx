import { useEffect, useRef, useState } from 'preact/hooks';
import { byRegionName, REGION_NAMES } from '../../../domain/region-names';
import { useI18n, type Language, type Messages } from '../i18n/i18n';
import { ApiError, errorText } from '../shared/api';
import { useConsole } from '../shared/context';
import { ROLES } from '../shared/session';
import { Status } from '../shared/status';
import type { StaffEntry, StaffList, StaffMember } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { FieldError } from '../shared/field-error';

const REGIONS = Object.keys(REGION_NAMES);

/** The staff directory: everyone with their open cases; administrators add people and mark who takes cases. */
export function StaffPage() {
  const { api, session } = useConsole();
  const { t, role, region } = useI18n();
  const manages = session.role === 'admin';
  // The position of this page's last write: the list it reloads then includes it (read-your-writes).
  const written = useRef(0);
  const [loaded, reload] = useLoad(() => api.get<StaffList>(`/staff?active=all${written.current ? `&minPosition=${written.current}` : ''}`), 'staff');
  const wrote = (member: StaffMember) => {
    written.current = Math.max(written.current, member.position);
    reload();
  };
  const [failure, setFailure] = useState<string>();
  // The person whose record is being changed, and the name of the last one changed.
  const [editing, setEditing] = useState<StaffEntry>();
  const [updated, setUpdated] = useState<string>();
  // Someone who still holds open cases is marked as no longer taking them only once the admin has read what follows.
  const [holding, setHolding] = useState<StaffEntry>();
  const warning = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (holding) warning.current?.focus();
  }, [holding]);
  const setActive = async (person: StaffEntry, active: boolean) => {
    setHolding(undefined);
    setFailure(undefined);
    try {
      wrote(await api.post<StaffMember>(`/staff/${encodeURIComponent(person.staffId)}`, { active }, { 'if-match': `"${person.revision}"` }));
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  return (
    <section aria-labelledby="staff-title">
      <h2 id="staff-title">{t.staffTitle}</h2>
      {updated !== undefined ? <p role="status">{t.staffUpdated(updated)}</p> : null}
      {failure ? (
        <p role="alert" class="error">
          {failure}
        </p>
      ) : null}
      <Status loaded={loaded}>
        {(list) => (
          <div class="table-scroll">
            <table class="cases fold">
              <caption>{t.staffCount(list.items.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.staffName}</th>
                  <th scope="col">{t.staffIdShort}</th>
                  <th scope="col">{t.staffRole}</th>
                  <th scope="col">{t.colRegion}</th>
                  <th scope="col">{t.staffLanguages}</th>
                  <th scope="col">{t.staffCaseload}</th>
                  <th scope="col">{t.staffActive}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((person) => (
                  <tr key={person.staffId}>
                    <th scope="row">{person.displayName}</th>
                    <td data-label={t.staffIdShort}>
                      <code>{person.staffId}</code>
                    </td>
                    <td data-label={t.staffRole}>{role(person.role)}</td>
                    <td data-label={t.colRegion}>{region(person.region)}</td>
                    <td data-label={t.staffLanguages}>{person.languages.map((l) => t.languageName(l)).join(', ')}</td>
                    <td data-label={t.staffCaseload}>{person.caseload}</td>
                    <td data-label={t.staffActive}>
                      {person.active ? t.yes : t.no}
                      {manages ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            class="secondary"
                            aria-expanded={person.active && person.caseload > 0 ? holding?.staffId === person.staffId : undefined}
                            onClick={() => (person.active && person.caseload > 0 ? setHolding(person) : void setActive(person, !person.active))}
                          >
                            {person.active ? t.staffDeactivate : t.staffReactivate}
                            <span class="visually-hidden"> ({person.displayName})</span>
                          </button>{' '}
                          <button
                            type="button"
                            class="secondary"
                            aria-expanded={editing?.staffId === person.staffId}
                            onClick={() => {
                              setUpdated(undefined);
                              setEditing(editing?.staffId === person.staffId ? undefined : person);
                            }}
                          >
                            {t.staffEdit}
                            <span class="visually-hidden"> ({person.displayName})</span>
                          </button>
                        </>
                      ) : null}
                      {holding?.staffId === person.staffId ? (
                        <div class="still-holds">
                          <p tabIndex={-1} ref={warning}>
                            {t.staffStillHolds(person.displayName, person.caseload)}
                          </p>
                          <button type="button" onClick={() => void setActive(person, false)}>
                            {t.staffDeactivateAnyway(person.displayName)}
                          </button>{' '}
                          <button type="button" class="secondary" onClick={() => setHolding(undefined)}>
                            {t.staffKeep}
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Status>
      {manages && editing ? (
        <StaffForm
          key={editing.staffId}
          editing={editing}
          onWritten={(member) => {
            setEditing(undefined);
            setUpdated(member.displayName);
            wrote(member);
          }}
          onCancel={() => setEditing(undefined)}
        />
      ) : null}
      {manages ? <StaffForm onWritten={wrote} /> : null}
    </section>
  );
}

/** The form's fields, by the keys the API names them with, each with the words its label says. */
const FIELDS = { staffId: 'staffId', displayName: 'staffName', role: 'staffRole', region: 'colRegion', languages: 'staffLanguages' } as const satisfies Record<string, keyof Messages>;
type Field = keyof typeof FIELDS;
const isField = (key: string): key is Field => key in FIELDS;

/**
 * A person's record: a new one to add, or, with `editing`, the name, role, region and languages of
 * one already in the directory (their id stays: it is what their tokens name), sent with If-Match.
 */
function StaffForm({ editing, onWritten, onCancel }: { editing?: StaffEntry; onWritten: (member: StaffMember) => void; onCancel?: () => void }) {
  const { api } = useConsole();
  const { t, language, role: roleLabel, region: regionName } = useI18n();
  // No language ticked for someone new: which languages a person works in is the administrator's to say, not the form's to guess.
  const [form, setForm] = useState(
    editing
      ? { staffId: editing.staffId, displayName: editing.displayName, role: editing.role, region: editing.region, en: editing.languages.includes('en'), fr: editing.languages.includes('fr') }
      : { staffId: '', displayName: '', role: 'practitioner', region: 'ON', en: false, fr: false },
  );
  const idPrefix = editing ? 'staff-edit' : 'staff';
  const title = useRef<HTMLHeadingElement>(null);
  // Opened from a row, the form takes the focus: keyboard and screen reader users land on it.
  useEffect(() => {
    if (editing) title.current?.focus();
  }, [editing]);
  // What the API refused, field by field, in the language it was asked in (the page may switch since).
  const [refusal, setRefusal] = useState<{ issues: readonly { field: Field | undefined; message: string }[]; said: Language; other?: string }>();
  const [added, setAdded] = useState<string>();
  // A refusal takes the focus to its summary, so keyboard and screen reader users land on what to fix.
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusal) summary.current?.focus();
  }, [refusal]);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = async (e: Event) => {
    e.preventDefault();
    setRefusal(undefined);
    setAdded(undefined);
    const staffId = form.staffId.trim();
    const displayName = form.displayName.trim();
    const languages = [...(form.en ? ['en'] : []), ...(form.fr ? ['fr'] : [])];
    try {
      // A field left empty (no language ticked) is left out: the API says it is required, not what a filled one would have to be.
      const fields = { ...(displayName ? { displayName } : {}), role: form.role, region: form.region, ...(languages.length ? { languages } : {}) };
      if (editing) {
        const member = await api.post<StaffMember>(`/staff/${encodeURIComponent(editing.staffId)}`, fields, { 'if-match': `"${editing.revision}"` });
        onWritten(member);
        return;
      }
      const member = await api.post<StaffMember>('/staff', { ...(staffId ? { staffId } : {}), ...fields });
      setAdded(displayName);
      setForm({ ...form, staffId: '', displayName: '' });
      onWritten(member);
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })) : [];
      // The API's own sentence only when it names no field: it spells the fields by their keys.
      setRefusal({ issues, said: language, ...(issues.length ? {} : { other: errorText(error) }) });
    }
  };
  const wrong = (name: Field) => refusal?.issues.filter((issue) => issue.field === name).map((issue) => issue.message) ?? [];
  const marked = refusal && refusal.said !== language ? refusal.said : undefined;
  const field = (name: Field) => ({
    'aria-invalid': wrong(name).length ? true : undefined,
    'aria-describedby': wrong(name).length ? `${idPrefix}-${name}-error` : undefined,
    // Every field here is required, and said so in words as on every other form.
    'aria-required': true,
  });
  const error = (name: Field) => <FieldError id={`${idPrefix}-${name}-error`} messages={wrong(name)} lang={marked} />;
  return (
    <form class="command" aria-labelledby={editing ? 'staff-edit-title' : 'staff-add-title'} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={editing ? 'staff-edit-title' : 'staff-add-title'} tabIndex={-1} ref={title}>
        {editing ? t.staffEditTitle(editing.displayName) : t.staffAddTitle}
      </h3>
      <p class="hint">{t.requiredNote}</p>
      {added !== undefined ? <p role="status">{t.staffAdded(added)}</p> : null}
      {refusal ? (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          {refusal.other !== undefined ? (
            <p lang={marked}>{refusal.other}</p>
          ) : (
            <>
              <p>{t.fixThese(refusal.issues.length)}</p>
              <ul>
                {refusal.issues.map((issue, i) => (
                  <li key={i}>
                    {issue.field ? (
                      <a href={`#${idPrefix}-${issue.field}`} onClick={(e) => (e.preventDefault(), focusControl(`${idPrefix}-${issue.field}`))}>
                        {t[FIELDS[issue.field]]}
                        {t.colon}
                        <span lang={marked}>{issue.message}</span>
                      </a>
                    ) : (
                      <>
                        {t.formWhole}
                        {t.colon}
                        <span lang={marked}>{issue.message}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {editing ? (
        <p>
          {t.staffIdShort}
          {t.colon}
          <code>{editing.staffId}</code>
        </p>
      ) : (
        <div class={`field${wrong('staffId').length ? ' invalid' : ''}`}>
          <label for="staff-staffId">
            <Required>{t.staffId}</Required>
          </label>
          <input type="text" id="staff-staffId" autoComplete="off" spellcheck={false} value={form.staffId} onInput={(e) => set({ staffId: e.currentTarget.value })} {...field('staffId')} />
          {error('staffId')}
        </div>
      )}
      <div class={`field${wrong('displayName').length ? ' invalid' : ''}`}>
        <label for={`${idPrefix}-displayName`}>
          <Required>{t.staffName}</Required>
        </label>
        <input type="text" id={`${idPrefix}-displayName`} autoComplete="off" value={form.displayName} onInput={(e) => set({ displayName: e.currentTarget.value })} {...field('displayName')} />
        {error('displayName')}
      </div>
      <div class={`field${wrong('role').length ? ' invalid' : ''}`}>
        <label for={`${idPrefix}-role`}>
          <Required>{t.staffRole}</Required>
        </label>
        <select id={`${idPrefix}-role`} value={form.role} onChange={(e) => set({ role: e.currentTarget.value })} {...field('role')}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
        {error('role')}
      </div>
      <div class={`field${wrong('region').length ? ' invalid' : ''}`}>
        <label for={`${idPrefix}-region`}>
          <Required>{t.colRegion}</Required>
        </label>
        <select id={`${idPrefix}-region`} value={form.region} onChange={(e) => set({ region: e.currentTarget.value })} {...field('region')}>
          {byRegionName(REGIONS, language).map((region) => (
            <option key={region} value={region}>
              {regionName(region)}
            </option>
          ))}
        </select>
        {error('region')}
      </div>
      <fieldset id={`${idPrefix}-languages`} class={`field choices${wrong('languages').length ? ' invalid' : ''}`} aria-describedby={field('languages')['aria-describedby']}>
        <legend>
          <Required>{t.staffLanguages}</Required>
        </legend>
        {(['en', 'fr'] as const).map((language) => (
          <div class="checkbox" key={language}>
            <input
              type="checkbox"
              id={`${idPrefix}-languages-${language}`}
              aria-invalid={wrong('languages').length ? true : undefined}
              checked={form[language]}
              onChange={(e) => set({ [language]: e.currentTarget.checked })}
            />
            <label for={`${idPrefix}-languages-${language}`}>{t.languageName(language)}</label>
          </div>
        ))}
        {error('languages')}
      </fieldset>
      <button type="submit">{editing ? t.staffSave : t.staffAdd}</button>
      {editing ? (
        <>
          {' '}
          <button type="button" class="secondary" onClick={onCancel}>
            {t.staffCancel}
          </button>
        </>
      ) : null}
    </form>
  );
}

/** A field's name marked required in words, as every form marks it. */
function Required({ children }: { children: string }) {
  const { t } = useI18n();
  return (
    <span class="label-text">
      {children}
      <span class="required">{t.required}</span>
    </span>
  );
}

/** The field an issue's path names (`languages.0` is the languages). */
function fieldOf(path: string): Field | undefined {
  const key = path.split('.')[0] ?? '';
  return isField(key) ? key : undefined;
}

/** A summary's link moves the focus to its field (a group's first control) without touching the route in the address bar. */
function focusControl(id: string): void {
  const target = document.getElementById(id);
  (target?.matches('fieldset') ? target.querySelector<HTMLElement>('input') : target)?.focus();
}
