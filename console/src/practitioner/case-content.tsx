import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { eventLabel, Fill, fieldLabel, L } from '../shared/labels';
import type { HistoryItem, WorkflowInfo } from '../shared/types';
import { correctableFields, CorrectionForm, type CorrectionOffer } from './correction';
import { DataFields, DataValue, isSealed } from './event-data';
import { caseContent } from './people';

/**
 * The people of a case and what is written about it, for those the API shows them to (`[redacted]`
 * to the others); with `correction`, a form to correct each person's record the reader may read.
 */
export function CaseContent({
  items,
  workflow,
  region,
  correction,
}: {
  items: readonly HistoryItem[];
  workflow: WorkflowInfo | undefined;
  region: string | undefined;
  correction?: CorrectionOffer | undefined;
}) {
  const { t, instant } = useI18n();
  const { people, writings } = caseContent(items, workflow);
  // One form at a time: they would share their fields' ids.
  const [correcting, setCorrecting] = useState<string>();
  return (
    <div class="columns content">
      <section aria-labelledby="people-title">
        <h3 id="people-title">{t.people}</h3>
        {people.length === 0 ? <p>{t.noPeople}</p> : null}
        <ul class="people">
          {people.map((person) => {
            const part = fieldLabel(workflow, person.path);
            const fields = correction ? correctableFields(correction.correction, person) : [];
            // What the reader may not see (`[redacted]`, `[erased]`) is not theirs to correct.
            const offered = fields.length > 0 && fields.every((key) => !isSealed(person.data[key]));
            const open = offered && correcting === person.key;
            return (
              <li key={person.key} class={person.ended ? 'person ended' : 'person'}>
                <h4>
                  <L label={part} />
                </h4>
                {person.ended ? (
                  // Their part ended (they left, their registration was cancelled): what was recorded stays, marked so.
                  <p class="status-line">
                    <L label={eventLabel(workflow, person.ended.type)} />
                    {' — '}
                    <time dateTime={person.ended.occurredAt}>{instant(person.ended.occurredAt, region)}</time>
                  </p>
                ) : null}
                <DataFields data={person.data} schema={person.schema} path={person.path} workflow={workflow} region={region} omit={[person.subjectKey]} />
                {typeof person.data[person.subjectKey] === 'string' && !Object.values(person.data).some(isSealed) ? (
                  // What an administrator erases the person's information by, for those who read it: never a name.
                  <p class="privacy-id hint">
                    {t.privacyId}
                    {t.colon}
                    <code>{person.key}</code>
                  </p>
                ) : null}
                {offered ? (
                  <button type="button" class={open ? '' : 'secondary'} aria-expanded={open} onClick={() => setCorrecting(open ? undefined : person.key)}>
                    {t.correct}
                    <span class="visually-hidden">
                      <Fill sentence={t.correctWhose} labels={[part]} />
                      {/* Two people may share a part (two attendees): their name tells the buttons apart. */}
                      {typeof person.data['name'] === 'string' && !isSealed(person.data['name']) ? ` — ${person.data['name']}` : null}
                    </span>
                  </button>
                ) : null}
                {open && correction ? (
                  <CorrectionForm
                    key={`${person.key}:${correction.caseView.revision}`}
                    offer={correction}
                    person={person}
                    fields={fields}
                    workflow={workflow}
                    onDone={(result) => {
                      setCorrecting(undefined);
                      correction.onDone(result, person);
                    }}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="about-title">
        <h3 id="about-title">{t.about}</h3>
        {writings.length === 0 ? <p>{t.nothingWritten}</p> : null}
        <dl class="writings">
          {writings.map((writing) => (
            <div key={`${writing.item.eventId}:${writing.path}`} class="writing">
              <dt>
                <L label={fieldLabel(workflow, writing.path)} />
                <span class="hint">
                  {' '}
                  (<L label={eventLabel(workflow, writing.item.type)} />
                  {', '}
                  <time dateTime={writing.item.occurredAt}>{instant(writing.item.occurredAt, region)}</time>)
                </span>
              </dt>
              <dd>
                <DataValue value={writing.value} schema={writing.schema} path={writing.path} workflow={workflow} region={region} />
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

