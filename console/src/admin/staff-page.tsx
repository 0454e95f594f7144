import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ApiError, errorText } from '../shared/api';
import { useConsole } from '../shared/context';
import { ROLES } from '../shared/session';
import { Status } from '../shared/status';
import type { StaffEntry, StaffList, StaffMember } from '../shared/types';
import { useLoad } from '../shared/use-load';

const REGIONS = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/** The staff directory: everyone with their open cases; administrators add people and mark who takes cases. */
export function StaffPage() {
  const { api, session } = useConsole();
  const { t, role } = useI18n();
  const manages = session.role === 'admin';
  // The position of this page's last write: the list it reloads then includes it (read-your-writes).
  const written = useRef(0);
  const [loaded, reload] = useLoad(() => api.get<StaffList>(`/staff?active=all${written.current ? `&minPosition=${written.current}` : ''}`), 'staff');
  const wrote = (member: StaffMember) => {
    written.current = Math.max(written.current, member.position);
    reload();
  };
  const [failure, setFailure] = useState<string>();
  const setActive = async (person: StaffEntry, active: boolean) => {
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
      {failure ? (
        <p role="alert" class="error">
          {failure}
        </p>
      ) : null}
      <Status loaded={loaded}>
        {(list) => (
          <div class="table-scroll">
            <table class="cases">
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
                    <td>
                      <code>{person.staffId}</code>
                    </td>
                    <td>{role(person.role)}</td>
                    <td>{person.region}</td>
                    <td>{person.languages.map((l) => t.languageName(l)).join(', ')}</td>
                    <td>{person.caseload}</td>
                    <td>
                      {person.active ? t.yes : t.no}
                      {manages ? (
                        <>
                          {' '}
                          <button type="button" class="secondary" onClick={() => void setActive(person, !person.active)}>
                            {person.active ? t.staffDeactivate : t.staffReactivate}
                            <span class="visually-hidden"> ({person.displayName})</span>
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Status>
      {manages ? <AddStaffForm onAdded={wrote} /> : null}
    </section>
  );
}

function AddStaffForm({ onAdded }: { onAdded: (member: StaffMember) => void }) {
  const { api } = useConsole();
  const { t, role: roleLabel } = useI18n();
  const [form, setForm] = useState({ staffId: '', displayName: '', role: 'practitioner', region: 'ON', en: true, fr: false });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string }>();
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const submit = async (e: Event) => {
    e.preventDefault();
    setIssues({});
    setMessage(undefined);
    const languages = [...(form.en ? ['en'] : []), ...(form.fr ? ['fr'] : [])];
    try {
      const member = await api.post<StaffMember>('/staff', { staffId: form.staffId.trim(), displayName: form.displayName, role: form.role, region: form.region, languages });
      setMessage({ kind: 'status', text: t.staffAdded(form.displayName.trim()) });
      setForm({ ...form, staffId: '', displayName: '' });
      onAdded(member);
    } catch (error) {
      if (error instanceof ApiError) setIssues(Object.fromEntries(error.issues.map((issue) => [issue.path.split('.')[0]!, issue.message])));
      setMessage({ kind: 'alert', text: errorText(error) });
    }
  };
  const field = (name: string) => ({
    'aria-invalid': issues[name] ? true : undefined,
    'aria-describedby': issues[name] ? `staff-${name}-error` : undefined,
  });
  const error = (name: string) =>
    issues[name] ? (
      <span id={`staff-${name}-error`} class="field-error">
        {issues[name]}
      </span>
    ) : null;
  return (
    <form aria-labelledby="staff-add-title" onSubmit={(e) => void submit(e)} noValidate>
      <h3 id="staff-add-title">{t.staffAddTitle}</h3>
      {message ? (
        <p role={message.kind} class={message.kind === 'alert' ? 'error' : undefined}>
          {message.text}
        </p>
      ) : null}
      <div class={`field${issues['staffId'] ? ' invalid' : ''}`}>
        <label for="staff-staffId">
          {t.staffId} <span aria-hidden="true">*</span>
        </label>
        <input id="staff-staffId" required autoComplete="off" value={form.staffId} onInput={(e) => set({ staffId: e.currentTarget.value })} {...field('staffId')} />
        {error('staffId')}
      </div>
      <div class={`field${issues['displayName'] ? ' invalid' : ''}`}>
        <label for="staff-displayName">
          {t.staffName} <span aria-hidden="true">*</span>
        </label>
        <input id="staff-displayName" required autoComplete="off" value={form.displayName} onInput={(e) => set({ displayName: e.currentTarget.value })} {...field('displayName')} />
        {error('displayName')}
      </div>
      <div class="field">
        <label for="staff-role">{t.staffRole}</label>
        <select id="staff-role" value={form.role} onChange={(e) => set({ role: e.currentTarget.value })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="staff-region">{t.colRegion}</label>
        <select id="staff-region" value={form.region} onChange={(e) => set({ region: e.currentTarget.value })}>
          {REGIONS.map((region) => (
            <option key={region} value={region}>
              {region}
            </option>
          ))}
        </select>
      </div>
      <fieldset class={issues['languages'] ? 'invalid' : undefined} {...field('languages')}>
        <legend>{t.staffLanguages}</legend>
        <label>
          <input type="checkbox" checked={form.en} onChange={(e) => set({ en: e.currentTarget.checked })} /> {t.languageName('en')}
        </label>
        <label>
          <input type="checkbox" checked={form.fr} onChange={(e) => set({ fr: e.currentTarget.checked })} /> {t.languageName('fr')}
        </label>
        {error('languages')}
      </fieldset>
      <button type="submit">{t.staffAdd}</button>
    </form>
  );
}
