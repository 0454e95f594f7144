import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ApiError } from '../shared/api';
import { useConsole, usePeople } from '../shared/context';
import type { StaffEntry, StaffList, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { useForm } from './form-context';

export interface StaffPickerProps {
  readonly id: string;
  readonly value: string | undefined;
  readonly onChange: (value: string | undefined) => void;
  /** The field's `x-mend-staff`: the roles whose people it names, or `true` for those the workflow assigns cases to. */
  readonly of: boolean | readonly string[] | undefined;
  /** aria-describedby, aria-invalid, aria-required, name: what every control of the form carries. */
  readonly attributes: JSX.HTMLAttributes<HTMLSelectElement> & JSX.HTMLAttributes<HTMLInputElement>;
}

/**
 * The roles a workflow's cases are assigned to: those granted a command only on cases assigned to
 * them. Read from the definition, so no workflow is named here. What a field picks where it does
 * not name roles of its own.
 */
export function assignableRoles(workflow: WorkflowInfo | undefined): ReadonlySet<string> {
  const roles = new Set<string>();
  for (const command of workflow?.commands ?? []) {
    for (const [role, grant] of Object.entries(command.grants)) if (grant === 'assigned') roles.add(role);
  }
  return roles;
}

/**
 * Where a form asks for a staff member (a field the API marks `x-mend-staff`): a pick from the staff
 * directory (GET /staff: those who take cases), of the roles the field names (else those the workflow
 * assigns, of them those the case could be given to), the case's region first, each person with their languages and current caseload (and their
 * role, where those offered hold several). A case served in an official language offers only the people who work in it (a bilingual
 * session, only those who work in both), and says so:
 * the API refuses anyone else (STAFF.DOES_NOT_WORK_IN_LANGUAGE). A native select: the keyboard and screen readers work as
 * everywhere. Whoever may not read the directory (403) picks themselves, where the field takes
 * their role, or types the person's login, as does everyone for someone outside the directory
 * (roles `[]`).
 */
export function StaffPicker({ id, value, onChange, attributes, of }: StaffPickerProps) {
  const { t, number, role, region: regionName } = useI18n();
  const { api, session } = useConsole();
  const { workflow, region, assignable, serviceLanguage } = useForm();
  const [loaded] = useLoad(() => api.get<StaffList>('/staff'), 'staff');
  const outside = Array.isArray(of) && of.length === 0;
  const typed = (hint?: string) => (
    <>
      {hint ? <p class="hint">{hint}</p> : null}
      <input
        type="text"
        {...attributes}
        id={id}
        autoComplete="off"
        spellcheck={false}
        disabled={loaded.status === 'loading' && !outside}
        value={value ?? ''}
        onInput={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      />
    </>
  );
  if (outside) return typed();
  // The field's own roles, else those the workflow assigns its cases to, of them those this case could be given to (what the API's check accepts).
  const roles = Array.isArray(of) ? new Set(of) : new Set([...assignableRoles(workflow)].filter((r) => assignable === undefined || assignable.includes(r)));
  if (loaded.status !== 'ready') {
    const refused = loaded.status === 'failed' && loaded.error instanceof ApiError && loaded.error.status === 403;
    // Who may not read the directory picks themselves where the field takes their role (a presenter of their own session), or types another's login.
    if (refused && (roles.size === 0 || roles.has(session.role))) return <YourselfOrTyped id={id} value={value} onChange={onChange} attributes={attributes} />;
    return typed(loaded.status !== 'failed' ? undefined : refused ? t.staffNotYours : t.staffUnavailable);
  }
  const people = loaded.value.items.filter((person) => roles.size === 0 || roles.has(person.role));
  // A directory not kept yet: the person's login is typed, as before there was one. One that is kept
  // but has no one for these cases: the API gives cases only to people in it, so an admin adds them first.
  if (people.length === 0) return typed(loaded.value.items.length === 0 ? t.staffNobody : t.staffNoneOfRole);
  // A case served in an official language is given only to people who work in it, a bilingual session only to people who work in
  // both (the API refuses anyone else): they alone are offered.
  const needed: readonly ('en' | 'fr')[] = !serviceLanguage ? [] : serviceLanguage === 'bilingual' ? ['en', 'fr'] : [serviceLanguage];
  const speakers = people.filter((person) => needed.every((l) => person.languages.includes(l)));
  const language = serviceLanguage === 'bilingual' ? undefined : serviceLanguage ? t.languageName(serviceLanguage) : undefined;
  if (speakers.length === 0) return typed(serviceLanguage === 'bilingual' ? t.staffNoneInBothLanguages : t.staffNoneInLanguage(language ?? ''));
  const note = !serviceLanguage ? undefined : { id: `${id}-language`, text: serviceLanguage === 'bilingual' ? t.staffOnlyInBothLanguages : t.staffOnlyInLanguage(language ?? '') };
  const near = speakers.filter((person) => region !== undefined && person.region === region);
  const far = speakers.filter((person) => region === undefined || person.region !== region);
  // Each named with their role where the people offered hold several (an intake officer or a mediator).
  const mixed = new Set(speakers.map((person) => person.role)).size > 1;
  const known = value === undefined || speakers.some((person) => person.staffId === value);
  const option = (person: StaffEntry) => (
    <option key={person.staffId} value={person.staffId}>
      {t.staffOption(mixed ? `${person.displayName}, ${role(person.role)}` : person.displayName, person.languages.map((l) => t.languageName(l)).join(', '), number(person.caseload))}
    </option>
  );
  return (
    <>
      {note ? (
        <p class="hint" id={note.id}>
          {note.text}
        </p>
      ) : null}
      <select
        {...attributes}
        id={id}
        aria-describedby={[attributes['aria-describedby'], note?.id].filter(Boolean).join(' ') || undefined}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      >
        <option value="">{t.choose}</option>
        {known ? null : <option value={value}>{value}</option>}
        {near.length ? <optgroup label={t.staffInRegion(regionName(region ?? ''))}>{near.map(option)}</optgroup> : null}
        {far.length ? <optgroup label={region === undefined ? t.staffEveryone : t.staffElsewhere}>{far.map(option)}</optgroup> : null}
      </select>
    </>
  );
}

// No login starts with '*' (StaffId): the choice to type one.
const SOMEONE_ELSE = '*someone-else';

/** The signed-in person, or another typed by login: for a role that may not read the staff directory. */
function YourselfOrTyped({ id, value, onChange, attributes }: Omit<StaffPickerProps, 'of'>) {
  const { t } = useI18n();
  const { session } = useConsole();
  const person = usePeople();
  const [other, setOther] = useState(value !== undefined && value !== session.id);
  const hint = `${id}-hint`;
  return (
    <>
      <p class="hint" id={hint}>
        {t.staffNotYoursPick}
      </p>
      <select
        {...attributes}
        id={id}
        aria-describedby={[attributes['aria-describedby'], hint].filter(Boolean).join(' ')}
        value={other ? SOMEONE_ELSE : (value ?? '')}
        onChange={(e) => {
          const picked = e.currentTarget.value;
          setOther(picked === SOMEONE_ELSE);
          onChange(picked === '' || picked === SOMEONE_ELSE ? undefined : picked);
        }}
      >
        <option value="">{t.choose}</option>
        <option value={session.id}>{t.staffYourself(person(session.id))}</option>
        <option value={SOMEONE_ELSE}>{t.staffSomeoneElse}</option>
      </select>
      {other ? (
        <>
          <label for={`${id}-login`}>{t.staffTheirLogin}</label>
          <input
            type="text"
            id={`${id}-login`}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={attributes['aria-invalid']}
            value={value ?? ''}
            onInput={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
          />
        </>
      ) : null}
    </>
  );
}
