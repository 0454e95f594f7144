import { foldHistory, specContext } from '../test/support/workflow-spec';
import { complaintWorkflow } from '../workflows/complaint';
import { informationSessionWorkflow } from '../workflows/information-session';
import { restorativeEngagementWorkflow } from '../workflows/restorative-engagement';
import { restorativeOpportunitiesWorkflow } from '../workflows/restorative-opportunities';
import { workflowDefinitions } from '../workflows/registry';
import { optedIn, CLIENT_ID } from '../workflows/support-coordination/support-coordination.fixtures';
import { supportCoordinationWorkflow } from '../workflows/support-coordination';
import { CORRECT_PERSONAL_INFORMATION, PERSONAL_INFORMATION_CORRECTED } from './corrections';
import { DomainError } from './errors';
import { allowedCommands, findCommand, initialCaseState, isFinal } from './fold';
import { processCommand } from './process';
import type { AnyWorkflowDefinition, CaseState } from './workflow';

const correct = (definition: AnyWorkflowDefinition, state: CaseState, data: Record<string, unknown>) =>
  processCommand(definition, state, { type: CORRECT_PERSONAL_INFORMATION, data: { reason: 'The person gave a new telephone number.', ...data } }, specContext());

/** The field errors of a refusal, by path, in English and in French. */
function refusal(run: () => unknown): { code: string; en: string[]; fr: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const paths = (language: 'en' | 'fr') => (error.detailsIn(language) as { issues: { path: string; message: string }[] }).issues.map((i) => `${i.path}: ${i.message}`);
    return { code: error.code, en: paths('en'), fr: paths('fr') };
  }
  throw new Error('not refused');
}

/** A referral as the RO example records it: the victim and the offender, each with a subject id. */
function referred(): { state: CaseState; victim: string; offender: string } {
  const ctx = specContext({ actor: { id: 'rju-1', role: 'rju' } });
  const { state, events } = processCommand(restorativeOpportunitiesWorkflow, initialCaseState(restorativeOpportunitiesWorkflow), { type: 'ReceiveReferral', data: findCommand(restorativeOpportunitiesWorkflow, 'ReceiveReferral')!.example }, ctx);
  const data = events[0]!.data as { victim: { subjectId: string }; offender: { subjectId: string } };
  return { state, victim: data.victim.subjectId, offender: data.offender.subjectId };
}

describe('correcting a person’s personal information (Privacy Act, s. 12(2))', () => {
  it('records the fields corrected, with the reason, for a person the case recorded', () => {
    const state = foldHistory(supportCoordinationWorkflow, optedIn());
    expect(state.people).toEqual({ [CLIENT_ID]: { event: 'OptInRecorded', path: 'client', flags: { anonymous: false } } });
    const { events, state: after } = correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { contact: '613-555-0199', name: 'Jordan Lee' } });
    expect(events).toEqual([
      { type: PERSONAL_INFORMATION_CORRECTED, data: { subjectId: CLIENT_ID, changes: { contact: '613-555-0199', name: 'Jordan Lee' }, reason: 'The person gave a new telephone number.' } },
    ]);
    // The machine has no say: the case stays where it was, one revision on.
    expect(after.snapshot).toBe(state.snapshot);
    expect(after.revision).toBe(state.revision + 1);
    expect(after.people).toBe(state.people);
  });

  it('removes a field the person’s record does not require, and refuses to remove one it requires', () => {
    const state = foldHistory(supportCoordinationWorkflow, optedIn());
    expect(correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { contact: null } }).events[0]!.data).toMatchObject({ changes: { contact: null } });

    const ctx = specContext({ now: '2026-03-03T14:00:00Z' });
    const opened = processCommand(complaintWorkflow, initialCaseState(complaintWorkflow), { type: 'ReceiveComplaint', data: findCommand(complaintWorkflow, 'ReceiveComplaint')!.example }, ctx);
    const complainant = (opened.events[0]!.data as { complainant: { subjectId: string } }).complainant.subjectId;
    expect(refusal(() => correct(complaintWorkflow, opened.state, { subjectId: complainant, changes: { name: null, contact: null } }))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      en: ['data.changes.name: is required of this person: it may be corrected, not removed'],
      fr: ['data.changes.name: est obligatoire pour cette personne\u00a0: il peut être corrigé, non retiré'],
    });
  });

  it('may say the corrected name is no longer a pseudonym, where the workflow lets a correction describe a name', () => {
    const ctx = specContext({ now: '2026-03-03T14:00:00Z' });
    const opened = processCommand(complaintWorkflow, initialCaseState(complaintWorkflow), { type: 'ReceiveComplaint', data: findCommand(complaintWorkflow, 'ReceiveComplaint')!.example }, ctx);
    const complainant = (opened.events[0]!.data as { complainant: { subjectId: string; pseudonym: boolean } }).complainant;
    expect(complainant.pseudonym).toBe(true);
    expect(correct(complaintWorkflow, opened.state, { subjectId: complainant.subjectId, changes: { name: 'Robin Tremblay', pseudonym: false } }).events[0]!.data).toMatchObject({
      changes: { name: 'Robin Tremblay', pseudonym: false },
    });
    // Not personal information itself: not sealed. And a workflow that runs on a flag (an anonymous client) keeps it to its own commands.
    expect(complaintWorkflow.events.find((e) => e.type === PERSONAL_INFORMATION_CORRECTED)!.personalData![0]!.fields).not.toContain('changes.pseudonym');
    const client = foldHistory(supportCoordinationWorkflow, optedIn());
    expect(refusal(() => correct(supportCoordinationWorkflow, client, { subjectId: CLIENT_ID, changes: { pseudonym: false } })).en).toEqual([expect.stringMatching(/^data\.changes\.pseudonym: /)]);
  });

  it('corrects each person as their own record allows: an offender’s FPS number, never a victim’s', () => {
    const { state, victim, offender } = referred();
    expect(correct(restorativeOpportunitiesWorkflow, state, { subjectId: offender, changes: { fpsNumber: '654321B' } }).events).toHaveLength(1);
    expect(refusal(() => correct(restorativeOpportunitiesWorkflow, state, { subjectId: victim, changes: { fpsNumber: '654321B', contact: '' } }))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      en: ['data.changes.contact: must not be empty'],
      fr: ['data.changes.contact: ne doit pas être vide'],
    });
    expect(refusal(() => correct(restorativeOpportunitiesWorkflow, state, { subjectId: victim, changes: { fpsNumber: '654321B' } })).en).toEqual([
      'data.changes.fpsNumber: is not personal information this case records of this person',
    ]);
  });

  it('refuses a person the case does not record, a field that is no one’s personal information, an empty correction and a missing reason, naming each field', () => {
    const state = foldHistory(supportCoordinationWorkflow, optedIn());
    expect(refusal(() => correct(supportCoordinationWorkflow, state, { subjectId: 'someone-else', changes: { contact: 'x@example.org' } })).en).toEqual([
      'data.subjectId: is not a person this case records',
    ]);
    // The workflow runs on these: its own commands change them.
    expect(refusal(() => correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { anonymous: true } })).en).toEqual([expect.stringMatching(/^data\.changes\.anonymous: /)]);
    expect(refusal(() => correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: {} })).en).toEqual(['data.changes: must correct at least one field']);
    expect(refusal(() => correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { name: 'Jo' }, reason: '  ' })).en).toEqual([expect.stringMatching(/^data\.reason: /)]);
  });

  it('takes text as a command does: trimmed, and a blank name is no name', () => {
    const state = foldHistory(supportCoordinationWorkflow, optedIn());
    expect(refusal(() => correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { name: '   ' } }))).toMatchObject({
      en: ['data.changes.name: must not be empty'],
      fr: ['data.changes.name: ne doit pas être vide'],
    });
    expect(correct(supportCoordinationWorkflow, state, { subjectId: CLIENT_ID, changes: { name: ' Jordan Lee  ' } }).events[0]!.data).toMatchObject({ changes: { name: 'Jordan Lee' } });
  });

  it('may be made at every stage, a closed case too, and is not one of the workflow’s next steps', () => {
    const withdrawn = foldHistory(supportCoordinationWorkflow, [...optedIn(), { type: 'ClientWithdrew', data: { withdrawnAt: '2026-03-03T15:00:00.000Z' } }]);
    expect(isFinal(withdrawn)).toBe(true);
    expect(correct(supportCoordinationWorkflow, withdrawn, { subjectId: CLIENT_ID, changes: { contact: '613-555-0199' } }).events).toHaveLength(1);
    const meta = { occurredAt: '2026-03-03T15:00:00.000Z', actor: { id: 'supervisor-1', role: 'supervisor' as const } };
    expect(allowedCommands(supportCoordinationWorkflow, foldHistory(supportCoordinationWorkflow, optedIn()), meta)).not.toContain(CORRECT_PERSONAL_INFORMATION);
  });

  it('knows each person where they were first recorded: an attendee registered, and the requester of the session', () => {
    const ctx = specContext();
    const requested = processCommand(informationSessionWorkflow, initialCaseState(informationSessionWorkflow), { type: 'RequestInformationSession', data: findCommand(informationSessionWorkflow, 'RequestInformationSession')!.example }, ctx);
    const requester = (requested.events[0]!.data as { requester?: { subjectId: string } }).requester?.subjectId;
    expect(requester).toBeDefined();
    expect(requested.state.people).toEqual({ [requester!]: { event: 'InformationSessionRequested', path: 'requester' } });
    expect(correct(informationSessionWorkflow, requested.state, { subjectId: requester!, changes: { unit: '2 Canadian Division' } }).events).toHaveLength(1);
  });

  it('seals what it corrects and the reason under the person’s own key, and makes new names searchable', () => {
    for (const definition of workflowDefinitions) {
      const event = definition.events.find((e) => e.type === PERSONAL_INFORMATION_CORRECTED)!;
      // Every personal field of every person the workflow records is sealed when corrected.
      const personal = new Set(
        definition.events.flatMap((e) =>
          (e.personalData ?? []).flatMap((group) => {
            const owner = group.subject.slice(0, Math.max(0, group.subject.lastIndexOf('.')));
            return owner ? group.fields.filter((f) => f.startsWith(`${owner}.`)).map((f) => `changes.${f.slice(owner.length + 1)}`) : [];
          }),
        ),
      );
      expect(event.personalData).toEqual([{ subject: 'subjectId', fields: [...personal, 'reason'], corrects: 'changes' }]);
    }
    expect(restorativeEngagementWorkflow.events.find((e) => e.type === PERSONAL_INFORMATION_CORRECTED)!.search).toEqual(['changes.name', 'changes.claimReference']);
    expect(restorativeOpportunitiesWorkflow.events.find((e) => e.type === PERSONAL_INFORMATION_CORRECTED)!.search).toEqual(['changes.name', 'changes.fpsNumber']);
  });
});
