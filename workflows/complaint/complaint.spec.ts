import { resumeClock } from '../../domain/clocks';
import { allowedCommands, findEventSchema } from '../../domain/fold';
import { foldHistory, specContext, specFor } from '../../test/support/workflow-spec';
import type { MendSettings } from '../../domain/settings';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import {
  acknowledged,
  CHAIN,
  clockStarted,
  COMPLAINANT_ID,
  complaintReceived,
  handlerAssigned,
  received,
  RECEIVED_AT,
  responded,
  respondedAtLastLevel,
  reviewRequested,
  reviewWindowStarted,
  underReview,
} from './complaint.fixtures';
import { complaintWorkflow } from './index';
import { ComplaintSettings } from './settings';

/** The commands a case with this history offers at `at` (as GET /cases/:id lists them). */
const offered = (history: Parameters<typeof foldHistory>[1], at: string): string[] =>
  allowedCommands(complaintWorkflow, foldHistory(complaintWorkflow, history), { occurredAt: at, actor: { id: 'practitioner-1', role: 'practitioner' } });

const spec = specFor(complaintWorkflow);
const given = spec.given;
const supervisor = { id: 'supervisor-1', role: 'supervisor' } as const;
const LATER = '2026-03-03T15:00:00.000Z'; // Tuesday 10:00 in Ottawa
const MONDAY_AFTER = '2026-03-09T14:00:00.000Z';

const receive = (data: Record<string, unknown> = {}) => ({
  type: 'ReceiveComplaint',
  data: {
    channel: 'electronic',
    receivedAt: RECEIVED_AT,
    complainant: { name: 'Robin', pseudonym: true, contact: 'robin@example.org' },
    text: 'My preparation meeting was cancelled twice.',
    ...data,
  },
});
const nextLevelContact = { name: 'Alex Tremblay', contact: 'alex@example.gc.ca' };
const respond = (data: Record<string, unknown> = { nextLevel: nextLevelContact }) => ({
  type: 'Respond',
  data: { response: 'We are sorry; a new meeting is booked.', ...data },
});
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });
/** The titles of the default chain's level `index + 1`, as events record them. */
const titlesAt = (index: number) => ({ levelTitle: CHAIN[index]?.title, levelTitleFr: CHAIN[index]?.titleFr });

describe('complaint: ReceiveComplaint', () => {
  it('records the complaint at the lowest level with the chain in force, and starts both clocks from receipt', () => {
    const outcome = given().when(receive({ complainant: { subjectId: COMPLAINANT_ID, name: 'Robin', pseudonym: true, contact: 'robin@example.org' } }), { now: LATER });
    outcome.thenEvents(received());
    expect(outcome.run().stateName).toBe('received');
    expect(outcome.run().allowedCommands).toEqual(['AcknowledgeComplaint', 'AssignHandler', 'PauseClock', 'WithdrawComplaint']);
  });

  it('counts 2 and 30 business days after the day of receipt, to 17:00 in the region (Good Friday and Easter Monday excluded)', () => {
    const { state } = given().when(receive()).run();
    expect(state.clocks['acknowledgement']?.dueAt).toBe('2026-03-04T22:00:00.000Z'); // Wednesday 17:00 EST
    expect(state.clocks['response-1']?.dueAt).toBe('2026-04-15T21:00:00.000Z'); // 17:00 EDT
  });

  it('counts a mailed complaint from the day the program received it, per the counting rule', () => {
    const friday1659 = given().when(receive({ channel: 'mail', receivedAt: '2026-03-06T16:59:00-05:00' }), { now: MONDAY_AFTER }).run();
    expect(friday1659.state.clocks['acknowledgement']?.dueAt).toBe('2026-03-10T21:00:00.000Z'); // Tuesday 17:00 EDT
    const friday1700 = given().when(receive({ channel: 'mail', receivedAt: '2026-03-06T17:00:00-05:00' }), { now: MONDAY_AFTER }).run();
    expect(friday1700.state.clocks['acknowledgement']?.dueAt).toBe('2026-03-11T21:00:00.000Z'); // Wednesday
  });

  it('mints a data subject for a complainant who has none, and defaults the region to ON', () => {
    const { events } = given().when(receive()).run();
    expect(events[0]).toMatchObject({ data: { region: 'ON', complainant: { subjectId: 'id-1', name: 'Robin', pseudonym: true } } });
  });

  it('records what the complaint concerns', () => {
    const { events } = given().when(receive({ concerns: { program: 'restorative-engagement', caseId: 'case-42' } })).run();
    expect(events[0]).toMatchObject({ data: { concerns: { program: 'restorative-engagement', caseId: 'case-42' } } });
  });

  it('records the escalation chain of the settings, lowest level first', () => {
    const settings: MendSettings = {
      ...DEFAULT_SETTINGS,
      escalationChain: [{ level: 2, title: 'Director' }, { level: 1, title: 'Coordinator' }],
    };
    const { events } = given().when(receive(), { settings }).run();
    expect(events[0]).toMatchObject({
      data: { escalationChain: [{ level: 1, title: 'Coordinator' }, { level: 2, title: 'Director' }], level: 1, levelTitle: 'Coordinator' },
    });
  });

  it('refuses a receipt time later than now', () => {
    given().when(receive({ receivedAt: '2026-03-02T14:00:01Z' })).thenThrows('COMPLAINT.RECEIVED_IN_FUTURE');
  });

  it('refuses a complaint received before the oldest program a complaint can concern began, naming the earliest date accepted, beside data.receivedAt', () => {
    for (const receivedAt of ['1999-11-01T10:00:00-05:00', '2003-12-31T23:59:59-05:00']) {
      const error = given().when(receive({ receivedAt })).error();
      expect([error.code, error.kind]).toEqual(['COMPLAINT.RECEIVED_BEFORE_PROGRAMS', 'rule']);
      expect(error.messageIn('en')).toBe(
        `“Received on”: ${receivedAt} is before 2004-01-01, the earliest date a complaint is accepted as received: the oldest program a complaint can concern, CSC’s Restorative Opportunities program, began in 2004. Check the date it was received.`,
      );
      expect(error.messageIn('fr')).toBe(
        `«\u00a0Date de réception\u00a0»\u00a0: ${receivedAt} précède le 2004-01-01, la date de réception la plus ancienne acceptée pour une plainte\u00a0: le plus ancien programme que peut viser une plainte, le programme Possibilités de justice réparatrice du SCC, a été créé en 2004. Vérifiez la date de réception.`,
      );
      expect(error.details).toEqual({
        issues: [{ path: 'data.receivedAt', message: `${receivedAt} is before 2004-01-01, the earliest date a complaint is accepted as received (the oldest program a complaint can concern began in 2004).` }],
      });
      expect(error.detailsIn('fr')).toEqual({
        issues: [{ path: 'data.receivedAt', message: `${receivedAt} précède le 2004-01-01, la date de réception la plus ancienne acceptée pour une plainte (le plus ancien programme que peut viser une plainte a été créé en 2004).` }],
      });
    }
  });

  it('accepts a complaint received on the earliest date accepted, in the complaint’s region, about a program or the whole service', () => {
    for (const concerns of [undefined, { program: 'restorative-opportunities' }]) {
      const { events } = given().when(receive({ receivedAt: '2004-01-01T00:00:00-05:00', ...(concerns ? { concerns } : {}) })).run();
      expect(events[0]).toMatchObject({ type: 'ComplaintReceived', data: { receivedAt: '2004-01-01T00:00:00-05:00' } });
    }
    // 1 January in Ottawa, still 31 December in Vancouver: the day is the complaint's region's.
    given().when(receive({ receivedAt: '2004-01-01T05:00:00Z', region: 'BC' })).thenThrows('COMPLAINT.RECEIVED_BEFORE_PROGRAMS');
  });

  it('rejects an unknown channel, a missing name and unknown fields, naming each field', () => {
    const error = given()
      .when(receive({ channel: 'fax', complainant: { pseudonym: true }, priority: 'high' }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    const paths = (error.details as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['data.channel', 'data.complainant.name', 'data.priority']));
  });

  it('rejects a receipt time without an offset', () => {
    given().when(receive({ receivedAt: '2026-03-02T09:00:00' })).thenThrows('VALIDATION.INVALID_INPUT');
  });

  it('cannot receive a complaint twice', () => {
    given(...received()).when(receive()).thenThrows('COMMAND.NOT_ALLOWED');
  });

  // An id is shown in clear to auditors, outlives an erasure and is written in request logs: never an e-mail address.
  it('refuses a complainant’s subject id that is an e-mail address, beside the field, in both languages', () => {
    const error = given()
      .when(receive({ complainant: { subjectId: 'robin.tremblay@example.org', name: 'Robin', pseudonym: true } }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.details).toEqual({
      issues: [{ path: 'data.complainant.subjectId', message: 'must be a subject id: 1 to 200 letters, digits, . _ : - (never a name nor an e-mail address)' }],
    });
    expect(error.detailsIn('fr')).toEqual({
      issues: [
        {
          path: 'data.complainant.subjectId',
          message: 'doit être un identifiant de personne\u00a0: de 1 à 200 lettres, chiffres, . _ : - (jamais un nom ni une adresse courriel)',
        },
      ],
    });
  });

  it.each(['r-1', 'seat-1', 'demo-rep-072-1', 'claims:0042.A_1', '0195f3a0-5b1c-7a10-9d2e-3c4b5a6978c2'])('takes an ordinary subject id: %s', (subjectId) => {
    const events = given().when(receive({ complainant: { subjectId, name: 'Robin', pseudonym: true } })).run().events;
    expect((events[0]!.data as { complainant: { subjectId: string } }).complainant.subjectId).toBe(subjectId);
  });

  it('still reads and answers a complaint recorded with a subject id holding an @, chosen before it was refused', () => {
    const legacy = 'robin.tremblay@example.org';
    const [, ...clocks] = received();
    const history = [complaintReceived({ complainant: { subjectId: legacy, name: 'Robin', pseudonym: true, contact: 'robin@example.org' } }), ...clocks, ...acknowledged(), handlerAssigned('practitioner-1')];
    expect(findEventSchema(complaintWorkflow, 'ComplaintReceived')!.schema.safeParse(history[0]!.data).success).toBe(true);
    const outcome = given(...history).when(respond()).run();
    expect(outcome.events.find((e) => e.type === 'ComplaintResponded')!.data).toMatchObject({ complainantId: legacy });
  });

  it('is the only way to open a case', () => {
    given().when(command('AcknowledgeComplaint')).thenThrows('COMMAND.NOT_OPENING');
  });
});

describe('complaint: AcknowledgeComplaint', () => {
  it('acknowledges receipt and meets the acknowledgement clock on time', () => {
    given(...received())
      .when(command('AcknowledgeComplaint', { method: 'email' }), { now: LATER })
      .thenEvents([
        { type: 'ComplaintAcknowledged', data: { acknowledgedAt: LATER, method: 'email' } },
        { type: 'ClockMet', data: { clock: 'acknowledgement', at: LATER, onTime: true } },
      ]);
  });

  it('waits for a handler when nobody is assigned yet', () => {
    given(...received()).when(command('AcknowledgeComplaint')).thenState('acknowledged');
  });

  it('is refused a second time saying it was done, not naming the state the case moved on to, complaint or feedback', () => {
    const acknowledged = given(...received()).when(command('AcknowledgeComplaint')).run().events;
    const error = given(...received(), ...acknowledged).when(command('AcknowledgeComplaint')).error();
    expect(error.code).toBe('COMPLAINT.ALREADY_ACKNOWLEDGED');
    expect(error.messageIn('fr')).toBe('L’accusé de réception de cette plainte a déjà été consigné\u00a0: il ne l’est qu’une fois.');
    const feedback = given().when(receive({ kind: 'feedback' })).run().events;
    const once = given(...feedback).when(command('AcknowledgeComplaint')).run().events;
    given(...feedback, ...once).when(command('AcknowledgeComplaint')).thenThrows('COMPLAINT.ALREADY_ACKNOWLEDGED');
  });

  it('goes straight under review when the complaint was already sent to a handler', () => {
    given(...received(), handlerAssigned('practitioner-1')).when(command('AcknowledgeComplaint')).thenState('underReview');
  });

  it('still acknowledges after the deadline was breached, recording that it was late', () => {
    const late = '2026-03-05T15:00:00.000Z';
    const { events } = given(...received(), { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2026-03-04T22:00:00.000Z' } })
      .when(command('AcknowledgeComplaint'), { now: late })
      .run();
    expect(events[1]).toEqual({ type: 'ClockMet', data: { clock: 'acknowledgement', at: late, onTime: false } });
  });

  it('records the breach first when acknowledged after the deadline before the scheduler noticed, so the clock reads breached either way', () => {
    const late = '2026-03-05T15:00:00.000Z'; // Thursday; due Wednesday 17:00
    const { events, state } = given(...received()).when(command('AcknowledgeComplaint'), { now: late }).run();
    expect(events).toEqual([
      { type: 'ComplaintAcknowledged', data: { acknowledgedAt: late } },
      { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2026-03-04T22:00:00.000Z' } },
      { type: 'ClockMet', data: { clock: 'acknowledgement', at: late, onTime: false } },
    ]);
    expect(state.clocks['acknowledgement']).toMatchObject({ status: 'breached', breachedAt: '2026-03-04T22:00:00.000Z', onTime: false });
  });

  it('resumes a paused acknowledgement clock before meeting it, so lateness counts only unpaused time', () => {
    const history = [...received(), { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt: RECEIVED_AT, reason: 'Letter unreadable' } }];
    const resumeAt = '2026-03-06T15:00:00.000Z';
    const expectedResume = resumeClock(specContext(), foldHistory(complaintWorkflow, history).clocks, 'acknowledgement', new Date(resumeAt));
    given(...history)
      .when(command('AcknowledgeComplaint'), { now: resumeAt })
      .thenEvents([
        { type: 'ComplaintAcknowledged', data: { acknowledgedAt: resumeAt } },
        expectedResume,
        { type: 'ClockMet', data: { clock: 'acknowledgement', at: resumeAt, onTime: true } },
      ]);
  });

  it('records an acknowledgement entered late at the time it was given, on time if it was', () => {
    const givenAt = '2026-03-04T20:30:00.000Z'; // Wednesday 15:30 in Ottawa, before the deadline
    const { events } = given(...received(), { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2026-03-04T22:00:00.000Z' } })
      .when(command('AcknowledgeComplaint', { acknowledgedAt: givenAt, method: 'phone' }), { now: '2026-03-06T15:00:00.000Z' })
      .run();
    expect(events).toEqual([
      { type: 'ComplaintAcknowledged', data: { acknowledgedAt: givenAt, method: 'phone' } },
      { type: 'ClockMet', data: { clock: 'acknowledgement', at: givenAt, onTime: true } },
    ]);
  });

  it('refuses an acknowledgement dated before the complaint arrived or after now, naming both ends', () => {
    for (const acknowledgedAt of ['2026-03-02T13:59:00.000Z', '2026-03-03T15:00:01.000Z']) {
      const refused = given(...received()).when(command('AcknowledgeComplaint', { acknowledgedAt }), { now: LATER });
      refused.thenThrows('COMPLAINT.ACKNOWLEDGED_OUT_OF_RANGE');
      expect(refused.error().message).toBe(
        `The complaint cannot be acknowledged at ${acknowledgedAt}: an acknowledgement is given between its receipt (${RECEIVED_AT}) and now (${LATER}).`,
      );
      expect(refused.error().details).toEqual({ issues: [{ path: 'data.acknowledgedAt', message: refused.error().messageIn('en') }] });
    }
  });

  it('ends a pause at the acknowledgement given during it, and does not count a pause that began after it', () => {
    const pausedAt = '2026-03-03T15:00:00.000Z';
    const history = [...received(), { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt, reason: 'Letter unreadable' } }];
    const clocks = foldHistory(complaintWorkflow, history).clocks;
    const during = '2026-03-05T15:00:00.000Z';
    given(...history)
      .when(command('AcknowledgeComplaint', { acknowledgedAt: during }), { now: '2026-03-09T15:00:00.000Z' })
      .thenEvents([
        { type: 'ComplaintAcknowledged', data: { acknowledgedAt: during } },
        resumeClock(specContext(), clocks, 'acknowledgement', new Date(during)),
        { type: 'ClockMet', data: { clock: 'acknowledgement', at: during, onTime: true } },
      ]);
    const before = '2026-03-03T14:00:00.000Z';
    given(...history)
      .when(command('AcknowledgeComplaint', { acknowledgedAt: before }), { now: '2026-03-09T15:00:00.000Z' })
      .thenEvents([
        { type: 'ComplaintAcknowledged', data: { acknowledgedAt: before } },
        resumeClock(specContext(), clocks, 'acknowledgement', new Date(pausedAt)),
        { type: 'ClockMet', data: { clock: 'acknowledgement', at: before, onTime: true } },
      ]);
  });

  it('is not offered once acknowledged', () => {
    expect(offered([...received(), ...acknowledged()], LATER)).toEqual(['AssignHandler', 'PauseClock', 'WithdrawComplaint']);
    given(...received(), ...acknowledged()).when(command('AcknowledgeComplaint')).thenThrows('COMPLAINT.ALREADY_ACKNOWLEDGED');
  });
});

describe('complaint: AssignHandler', () => {
  it('sends an acknowledged complaint to its level-1 handler, which starts the review', () => {
    const step = given(...received(), ...acknowledged())
      .when(command('AssignHandler', { handlerId: 'practitioner-1' }), { now: LATER })
      ;
    step.thenEvents([{ type: 'HandlerAssigned', data: { handlerId: 'practitioner-1', level: 1, ...titlesAt(0), assignedAt: LATER } }]);
    const outcome = step.run();
    expect(outcome.stateName).toBe('underReview');
    expect(outcome.allowedCommands).toEqual(['AssignHandler', 'Respond', 'PauseClock', 'WithdrawComplaint']);
  });

  it('may route the complaint before it is acknowledged', () => {
    const step = given(...received()).when(command('AssignHandler', { handlerId: 'practitioner-1' }));
    step.thenState('received');
    const outcome = step.run();
    expect(complaintWorkflow.summarize(outcome.state).assignees).toEqual(['practitioner-1']);
  });

  it('lets a supervisor reassign the complaint, recording who had it', () => {
    given(...underReview())
      .when(command('AssignHandler', { handlerId: 'practitioner-2' }), { actor: supervisor })
      .thenEvents([handlerAssigned('practitioner-2', 1, 'practitioner-1')]);
  });

  it('lets a supervisor reassign after the response too', () => {
    given(...underReview(), ...responded(1))
      .when(command('AssignHandler', { handlerId: 'practitioner-2' }), { actor: supervisor })
      .thenState('responded');
  });

  it('keeps reassignment to supervisors', () => {
    given(...underReview())
      .when(command('AssignHandler', { handlerId: 'practitioner-2' }))
      .thenThrows('COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR');
  });

  it('refuses to assign the handler the complaint already has', () => {
    given(...underReview())
      .when(command('AssignHandler', { handlerId: 'practitioner-1' }), { actor: supervisor })
      .thenThrows('COMPLAINT.ALREADY_ASSIGNED');
  });

  it('assigns the reviewer at the next level after a review request', () => {
    const step = given(...underReview(), ...responded(1), ...reviewRequested(1))
      .when(command('AssignHandler', { handlerId: 'manager-2' }))
      ;
    step.thenEvents([handlerAssigned('manager-2', 2)]);
    const outcome = step.run();
    expect(outcome.stateName).toBe('underReview');
    expect(complaintWorkflow.summarize(outcome.state)).toMatchObject({ assignees: ['manager-2'], details: { level: 2 } });
  });

  it('refuses a reviewer who handled the complaint at a lower level', () => {
    given(...underReview(), ...responded(1), ...reviewRequested(1))
      .when(command('AssignHandler', { handlerId: 'practitioner-1' }), { actor: supervisor })
      .thenThrows('COMPLAINT.REVIEWER_NOT_INDEPENDENT');
  });

  it('reports a reassignment without a supervisor and a reviewer who is not independent at once', () => {
    given(...underReview(), ...responded(1), ...reviewRequested(1), handlerAssigned('manager-2', 2))
      .when(command('AssignHandler', { handlerId: 'practitioner-1' }))
      .thenBreaks('COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR', 'COMPLAINT.REVIEWER_NOT_INDEPENDENT');
  });

  it('rejects a missing handler id', () => {
    given(...received()).when(command('AssignHandler', {})).thenThrows('VALIDATION.INVALID_INPUT');
  });
});

describe('complaint: Respond', () => {
  it('answers at level 1 naming the level-2 authority, and meets the level-1 response clock', () => {
    const step = given(...underReview())
      .when(respond(), { now: LATER })
      ;
    step.thenEvents([
        {
          type: 'ComplaintResponded',
          data: {
            respondedAt: LATER,
            level: 1,
            ...titlesAt(0),
            complainantId: COMPLAINANT_ID,
            response: 'We are sorry; a new meeting is booked.',
            nextLevel: { level: 2, title: CHAIN[1]?.title, titleFr: CHAIN[1]?.titleFr, subjectId: 'id-1', name: 'Alex Tremblay', contact: 'alex@example.gc.ca' },
          },
        },
        { type: 'ClockMet', data: { clock: 'response-1', at: LATER, onTime: true } },
        reviewWindowStarted(1, LATER),
      ]);
    const outcome = step.run();
    expect(outcome.stateName).toBe('responded');
    // The right of review cannot be cut off: the handler cannot close it; the complainant accepts, asks, withdraws, or lets the window pass.
    expect(outcome.allowedCommands).toEqual(['AssignHandler', 'AcceptResponse', 'RequestReview', 'PauseClock', 'WithdrawComplaint']);
  });

  it('gives the complainant 30 calendar days from the day of the response to request a review, to the end of the day in the region', () => {
    const { state } = given(...underReview()).when(respond(), { now: LATER }).run();
    expect(state.clocks['review-window-1']).toMatchObject({ basis: 'calendar', dueAt: '2026-04-03T03:59:59.999Z', pendingWarnings: [] }); // 2 April 23:59:59.999 EDT
  });

  it('takes the length of the review window from the workflow settings', () => {
    const settings: MendSettings = { ...DEFAULT_SETTINGS, workflows: { complaint: { reviewWindowDays: 10, chainsByProgram: {} } } };
    const { state } = given(...underReview()).when(respond(), { now: LATER, settings }).run();
    expect(state.clocks['review-window-1']?.dueAt).toBe('2026-03-14T03:59:59.999Z');
  });

  it('takes the role of the next level from the chain, and accepts it spelled with other capitals', () => {
    const filled = given(...underReview()).when(respond()).run();
    expect(filled.events[0]).toMatchObject({ data: { nextLevel: { level: 2, title: CHAIN[1]?.title } } });
    const spelled = given(...underReview()).when(respond({ nextLevel: { ...nextLevelContact, role: ` ${CHAIN[1]?.title.toUpperCase()} ` } })).run();
    expect(spelled.events[0]).toEqual(filled.events[0]);
    const french = given(...underReview()).when(respond({ nextLevel: { ...nextLevelContact, role: CHAIN[1]?.titleFr } })).run();
    expect(french.events[0]).toEqual(filled.events[0]);
  });

  it('ResponseMustNameTheChainsNextLevel: refuses a response naming another level of authority, in both languages', () => {
    const error = given(...underReview()).when(respond({ nextLevel: { ...nextLevelContact, role: CHAIN[2]?.title } })).error();
    expect(error.code).toBe('COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL');
    expect(error.message).toContain(`level 2 (${CHAIN[1]?.title})`);
    expect(error.messageIn('fr')).toContain(`palier 2 (${CHAIN[1]?.titleFr})`);
  });

  it('keeps the data subject id given for the next-level authority', () => {
    const { events } = given(...underReview()).when(respond({ nextLevel: { subjectId: 'staff-7', ...nextLevelContact } })).run();
    expect(events[0]).toMatchObject({ data: { nextLevel: { subjectId: 'staff-7' } } });
  });

  it('refuses a response that does not name the next level of authority', () => {
    const error = given(...underReview()).when(respond({})).error();
    expect(error.code).toBe('COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL');
    expect(error.message).toContain(CHAIN[1]?.title);
    expect(error.messageIn('fr')).toContain(`palier 2, ${CHAIN[1]?.titleFr}`);
  });

  it('asks for what the responder gives, the name and contact information (the role is filled in), beside the next level’s field', () => {
    const error = given(...underReview()).when(respond({})).error();
    expect(error.messageIn('en')).toBe(
      `A response at level 1 must give the name and contact information of the person the complaint can be elevated to (level 2, ${CHAIN[1]?.title}) if the complainant is not satisfied.`,
    );
    expect(error.messageIn('fr')).toBe(
      `Une réponse au palier 1 doit indiquer le nom et les coordonnées de la personne à qui la plainte peut être soumise (palier 2, ${CHAIN[1]?.titleFr}) si la personne plaignante n’est pas satisfaite.`,
    );
    expect(error.details).toEqual({ issues: [{ path: 'data.nextLevel', message: error.messageIn('en') }] });
    expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.nextLevel', message: error.messageIn('fr') }] });
  });

  it('says the next level’s other refusals beside their fields too', () => {
    const another = given(...underReview()).when(respond({ nextLevel: { ...nextLevelContact, role: CHAIN[2]?.title } })).error();
    expect(another.details).toEqual({ issues: [{ path: 'data.nextLevel.role', message: another.messageIn('en') }] });
    const history = [...underReview(), ...responded(1), ...reviewRequested(1), handlerAssigned('manager-2', 2), ...responded(2), ...reviewRequested(2), handlerAssigned('director-3', 3)];
    const beyond = given(...history).when(respond()).error();
    expect(beyond.code).toBe('COMPLAINT.NO_NEXT_LEVEL');
    expect(beyond.detailsIn('fr')).toEqual({ issues: [{ path: 'data.nextLevel', message: beyond.messageIn('fr') }] });
  });

  it('tells forms what the level asks of a response: the next level required below the last level, refused at the last', () => {
    const rules = complaintWorkflow.commands.find((c) => c.type === 'Respond')!;
    const lastLevel = [...underReview(), ...responded(1), ...reviewRequested(1), handlerAssigned('manager-2', 2), ...responded(2), ...reviewRequested(2), handlerAssigned('director-3', 3)];
    const [atLevel1, atLevel3] = [underReview(), lastLevel].map((history) => foldHistory(complaintWorkflow, history));
    expect([rules.requires?.(atLevel1!), rules.refuses?.(atLevel1!)]).toEqual([['nextLevel'], []]);
    expect([rules.requires?.(atLevel3!), rules.refuses?.(atLevel3!)]).toEqual([[], ['nextLevel']]);
    // What they say is what `decide` does: refused without it at level 1, and with it at level 3.
    expect(given(...underReview()).when(respond({})).error().code).toBe('COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL');
    expect(given(...lastLevel).when(respond()).error().code).toBe('COMPLAINT.NO_NEXT_LEVEL');
  });

  it('rejects a next level without its contact information, naming the field', () => {
    given(...underReview())
      .when(respond({ nextLevel: { name: 'Alex Tremblay' } }))
      .thenThrows('VALIDATION.INVALID_INPUT', { issues: [{ path: 'data.nextLevel.contact' }] });
  });

  it('answers at the last level without a next level', () => {
    const history = [...underReview(), ...responded(1), ...reviewRequested(1), handlerAssigned('manager-2', 2), ...responded(2), ...reviewRequested(2), handlerAssigned('director-3', 3)];
    const outcome = given(...history).when(respond({})).run();
    expect(outcome.events[0]).toEqual({
      type: 'ComplaintResponded',
      data: { respondedAt: RECEIVED_AT, level: 3, ...titlesAt(2), complainantId: COMPLAINANT_ID, response: 'We are sorry; a new meeting is booked.' },
    });
    expect(outcome.events[1]).toMatchObject({ type: 'ClockMet', data: { clock: 'response-3' } });
    expect(outcome.allowedCommands).toEqual(['AssignHandler', 'AcceptResponse', 'CloseComplaint', 'WithdrawComplaint']);
  });

  it('refuses to name a further level at the last level of the chain', () => {
    const history = [...underReview(), ...responded(1), ...reviewRequested(1), handlerAssigned('manager-2', 2), ...responded(2), ...reviewRequested(2), handlerAssigned('director-3', 3)];
    given(...history).when(respond()).thenThrows('COMPLAINT.NO_NEXT_LEVEL');
  });

  it('follows the chain recorded at receipt, not a chain configured since', () => {
    const settings: MendSettings = { ...DEFAULT_SETTINGS, escalationChain: [{ level: 1, title: 'Only level' }] };
    given(...underReview()).when(respond({}), { settings }).thenThrows('COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL');
  });

  it('still responds after the response deadline was breached, recording that it was late', () => {
    const late = '2026-04-16T15:00:00.000Z';
    const { events } = given(...underReview(), { type: 'ClockBreached', data: { clock: 'response-1', at: '2026-04-15T21:00:00.000Z' } })
      .when(respond(), { now: late })
      .run();
    expect(events[1]).toEqual({ type: 'ClockMet', data: { clock: 'response-1', at: late, onTime: false } });
  });

  it('records the breach first when responding after the deadline before the scheduler noticed', () => {
    const late = '2026-04-16T15:00:00.000Z';
    const { events, state } = given(...underReview()).when(respond(), { now: late }).run();
    expect(events.map((e) => e.type)).toEqual(['ComplaintResponded', 'ClockBreached', 'ClockMet', 'ClockStarted']);
    expect(events[1]).toEqual({ type: 'ClockBreached', data: { clock: 'response-1', at: '2026-04-15T21:00:00.000Z' } });
    expect(state.clocks['response-1']).toMatchObject({ status: 'breached', metAt: late, onTime: false });
  });

  it('resumes a response clock paused while awaiting the complainant, then meets it on time', () => {
    const pausedAt = '2026-04-13T14:00:00.000Z';
    const at = '2026-04-20T14:00:00.000Z'; // after the original due date, within the pushed one
    const { events } = given(...underReview(), { type: 'ClockPaused', data: { clock: 'response-1', pausedAt, reason: 'Awaiting the complainant' } })
      .when(respond(), { now: at })
      .run();
    expect(events.map((e) => e.type)).toEqual(['ComplaintResponded', 'ClockResumed', 'ClockMet', 'ClockStarted']);
    expect(events[2]).toEqual({ type: 'ClockMet', data: { clock: 'response-1', at, onTime: true } });
  });

  it('records a response entered late at the time it was sent: the clock is met then, and the review window counts from that day', () => {
    const sentAt = '2026-04-14T10:00:00-04:00'; // Tuesday, before the deadline of Wednesday 15 April 17:00
    const late = '2026-04-20T14:00:00.000Z';
    const { events, state } = given(...underReview(), { type: 'ClockBreached', data: { clock: 'response-1', at: '2026-04-15T21:00:00.000Z' } })
      .when(respond({ nextLevel: nextLevelContact, respondedAt: sentAt }), { now: late })
      .run();
    expect(events[0]).toMatchObject({ type: 'ComplaintResponded', data: { respondedAt: sentAt, level: 1 } });
    expect(events.slice(1)).toEqual([
      { type: 'ClockMet', data: { clock: 'response-1', at: '2026-04-14T14:00:00.000Z', onTime: true } },
      reviewWindowStarted(1, '2026-04-14T14:00:00.000Z'),
    ]);
    expect(state.clocks['response-1']).toMatchObject({ status: 'met', onTime: true });
    expect(state.clocks['review-window-1']?.dueAt).toBe('2026-05-15T03:59:59.999Z'); // 14 May 23:59:59.999 EDT
  });

  it('ends a pause of the response clock at a response sent during it', () => {
    const pausedAt = '2026-03-03T15:00:00.000Z';
    const history = [...underReview(), { type: 'ClockPaused', data: { clock: 'response-1', pausedAt, reason: 'Awaiting the complainant' } }];
    const sentAt = '2026-03-05T15:00:00.000Z';
    const { events } = given(...history).when(respond({ nextLevel: nextLevelContact, respondedAt: sentAt }), { now: '2026-03-09T15:00:00.000Z' }).run();
    expect(events.slice(1, 3)).toEqual([
      resumeClock(specContext(), foldHistory(complaintWorkflow, history).clocks, 'response-1', new Date(sentAt)),
      { type: 'ClockMet', data: { clock: 'response-1', at: sentAt, onTime: true } },
    ]);
  });

  it('refuses a response dated before the acknowledgement or after now, beside its field, naming both ends in both languages', () => {
    const acknowledgedAt = '2026-03-02T15:00:00.000Z';
    const history = [...received(), ...acknowledged(acknowledgedAt), handlerAssigned('practitioner-1')];
    for (const respondedAt of ['2026-03-02T14:30:00.000Z', '2026-03-03T15:00:01.000Z']) {
      const error = given(...history).when(respond({ nextLevel: nextLevelContact, respondedAt }), { now: LATER }).error();
      expect([error.code, error.kind]).toEqual(['COMPLAINT.RESPONDED_OUT_OF_RANGE', 'rule']);
      expect(error.messageIn('en')).toBe(
        `The level 1 response cannot be dated ${respondedAt}: a response is sent between the acknowledgement of its receipt (${acknowledgedAt}) and now (${LATER}).`,
      );
      expect(error.messageIn('fr')).toBe(
        `La réponse du palier 1 ne peut pas être datée du ${respondedAt}\u00a0: une réponse est envoyée entre l’accusé de réception (${acknowledgedAt}) et maintenant (${LATER}).`,
      );
      expect(error.details).toEqual({ issues: [{ path: 'data.respondedAt', message: error.messageIn('en') }] });
      expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.respondedAt', message: error.messageIn('fr') }] });
    }
    const atBothEnds = ['2026-03-02T15:00:00.000Z', LATER].map((respondedAt) => given(...history).when(respond({ nextLevel: nextLevelContact, respondedAt }), { now: LATER }).run().events[1]);
    expect(atBothEnds).toEqual([
      { type: 'ClockMet', data: { clock: 'response-1', at: '2026-03-02T15:00:00.000Z', onTime: true } },
      { type: 'ClockMet', data: { clock: 'response-1', at: LATER, onTime: true } },
    ]);
  });

  it('refuses a response at a review level dated before the review was requested', () => {
    const requestedAt = '2026-03-10T15:00:00.000Z';
    const history = [...underReview(), ...responded(1), ...reviewRequested(1, requestedAt), handlerAssigned('manager-2', 2)];
    const error = given(...history).when(respond({ nextLevel: nextLevelContact, respondedAt: '2026-03-10T14:59:00.000Z' }), { now: '2026-03-12T15:00:00.000Z' }).error();
    expect(error.code).toBe('COMPLAINT.RESPONDED_OUT_OF_RANGE');
    expect(error.messageIn('en')).toContain(`between the request for a review at this level (${requestedAt})`);
    expect(error.messageIn('fr')).toContain(`entre la demande de révision à ce palier (${requestedAt})`);
    const { events } = given(...history).when(respond({ nextLevel: nextLevelContact, respondedAt: requestedAt }), { now: '2026-03-12T15:00:00.000Z' }).run();
    expect(events[1]).toEqual({ type: 'ClockMet', data: { clock: 'response-2', at: requestedAt, onTime: true } });
  });

  it('is not offered before a handler reviews the complaint', () => {
    given(...received(), ...acknowledged())
      .when(respond())
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['AssignHandler', 'PauseClock', 'WithdrawComplaint'] });
  });
});

describe('complaint: AcceptResponse', () => {
  it('resolves the complaint', () => {
    const step = given(...underReview(), ...responded(1))
      .when(command('AcceptResponse'), { now: LATER })
      ;
    step.thenEvents([
      { type: 'ClockCancelled', data: { clock: 'review-window-1', at: LATER, reason: 'The complainant accepted the response.', reasonFr: 'La personne plaignante a accepté la réponse.' } },
      { type: 'ResponseAccepted', data: { acceptedAt: LATER, level: 1, ...titlesAt(0) } },
    ]);
    const outcome = step.run();
    expect(outcome.stateName).toBe('resolved');
    expect(outcome.allowedCommands).toEqual([]);
  });

  it('cancels a clock still open when the complainant accepts', () => {
    const stillOpen = clockStarted('acknowledgement', 1, RECEIVED_AT, 2);
    const { events } = given(...underReview(), ...responded(1), stillOpen).when(command('AcceptResponse')).run();
    expect(events.map((e) => e.type)).toEqual(['ClockCancelled', 'ClockCancelled', 'ResponseAccepted']);
  });

  it('needs a response first', () => {
    given(...underReview()).when(command('AcceptResponse')).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('complaint: RequestReview', () => {
  it('escalates to the next level of authority with a new 30-business-day response clock from the request', () => {
    const step = given(...underReview(), ...responded(1))
      .when(command('RequestReview', { grounds: 'I still do not know why it was cancelled.' }), { now: LATER })
      ;
    step.thenEvents([
        {
          type: 'ReviewRequested',
          data: { requestedAt: LATER, fromLevel: 1, level: 2, ...titlesAt(1), complainantId: COMPLAINANT_ID, grounds: 'I still do not know why it was cancelled.' },
        },
        { type: 'ClockMet', data: { clock: 'review-window-1', at: LATER, onTime: true } },
        clockStarted('response-2', 2, LATER, 30),
      ]);
    const outcome = step.run();
    expect(outcome.stateName).toBe('reviewRequested');
    expect(outcome.state.clocks['response-2']?.dueAt).toBe('2026-04-16T21:00:00.000Z');
    expect(complaintWorkflow.summarize(outcome.state)).toEqual({
      region: 'ON',
      assignees: [],
      details: { kind: 'complaint', channel: 'electronic', program: null, level: 2, ...titlesAt(1), levels: 3, lastLevel: false, nextLevelTitle: CHAIN[2]?.title, nextLevelTitleFr: CHAIN[2]?.titleFr, reviewWindowEndsAt: null, reviewsRequested: 1 },
    });
  });

  it('explains that the chain has ended after the last level answered', () => {
    const error = given(...respondedAtLastLevel()).when(command('RequestReview')).error();
    expect(error.code).toBe('COMPLAINT.REVIEW_CHAIN_ENDED');
    expect(error.message).toContain(CHAIN[2]?.title);
  });

  it('ends the chain at the only level of a one-level chain', () => {
    const history = [
      complaintReceived({ escalationChain: [{ level: 1, title: 'Coordinator' }], levelTitle: 'Coordinator' }),
      ...acknowledged(),
      { type: 'HandlerAssigned', data: { handlerId: 'practitioner-1', level: 1, levelTitle: 'Coordinator', assignedAt: RECEIVED_AT } },
    ];
    const answered = given(...history).when(respond({})).run();
    expect(answered.allowedCommands).not.toContain('RequestReview');
    given(...history, ...answered.events).when(command('RequestReview')).thenThrows('COMPLAINT.REVIEW_CHAIN_ENDED');
  });

  it('is not offered before a response', () => {
    given(...underReview()).when(command('RequestReview')).thenThrows('COMMAND.NOT_ALLOWED');
  });

  it('is refused once the review window has passed, even before the scheduler records it, naming its last local day', () => {
    const error = given(...underReview(), ...responded(1)).when(command('RequestReview'), { now: '2026-04-02T04:00:00.000Z' }).error();
    expect(error.code).toBe('COMPLAINT.REVIEW_WINDOW_PASSED');
    expect(error.messageIn('en')).toBe('The time to request a review of the level 1 response ran out at the end of 2026-04-01.');
    expect(error.messageIn('fr')).toBe('Le délai pour demander la révision de la réponse du palier 1 a expiré à la fin de la journée du 2026-04-01.');
  });

  it('is still open on the last day of the window', () => {
    given(...underReview(), ...responded(1)).when(command('RequestReview'), { now: '2026-04-02T03:59:00.000Z' }).thenState('reviewRequested');
  });

  it('is dated when the complainant sent it: the window is met then, and the next level’s 30 business days count from then, not from its entry after the weekend', () => {
    const sentFriday = '2026-03-06T20:00:00.000Z'; // Friday 15:00 in Ottawa
    const step = given(...underReview(), ...responded(1)).when(command('RequestReview', { requestedAt: '2026-03-06T15:00:00-05:00' }), { now: MONDAY_AFTER });
    step.thenEvents([
      { type: 'ReviewRequested', data: { requestedAt: '2026-03-06T15:00:00-05:00', fromLevel: 1, level: 2, ...titlesAt(1), complainantId: COMPLAINANT_ID } },
      { type: 'ClockMet', data: { clock: 'review-window-1', at: sentFriday, onTime: true } },
      clockStarted('response-2', 2, sentFriday, 30),
    ]);
    const { state } = step.run();
    expect(state.clocks['response-2']?.startedAt).toBe(sentFriday);
    // 30 business days after Friday (Good Friday and Easter Monday excluded): Tuesday 21 April, 17:00 EDT; a day later had it counted from Monday's entry.
    expect(state.clocks['response-2']?.dueAt).toBe('2026-04-21T21:00:00.000Z');
    const enteredMonday = given(...underReview(), ...responded(1)).when(command('RequestReview'), { now: MONDAY_AFTER }).run();
    expect(enteredMonday.state.clocks['response-2']?.dueAt).toBe('2026-04-22T21:00:00.000Z');
  });

  it('refuses a request dated before the response it asks to review, or in the future, beside data.requestedAt, and accepts both ends', () => {
    const history = [...underReview(), ...responded(1, LATER)];
    for (const requestedAt of ['2026-03-03T14:59:59.000Z', '2026-03-09T14:00:01.000Z']) {
      const error = given(...history).when(command('RequestReview', { requestedAt }), { now: MONDAY_AFTER }).error();
      expect([error.code, error.kind]).toEqual(['COMPLAINT.REVIEW_REQUESTED_OUT_OF_RANGE', 'rule']);
      expect(error.messageIn('en')).toBe(
        `The request for a review of the level 1 response cannot be dated ${requestedAt}: a review is requested between that response (${LATER}) and now (${MONDAY_AFTER}).`,
      );
      expect(error.messageIn('fr')).toBe(
        `La demande de révision de la réponse du palier 1 ne peut pas être datée du ${requestedAt}\u00a0: une révision est demandée entre cette réponse (${LATER}) et maintenant (${MONDAY_AFTER}).`,
      );
      expect(error.details).toEqual({ issues: [{ path: 'data.requestedAt', message: error.messageIn('en') }] });
      expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.requestedAt', message: error.messageIn('fr') }] });
    }
    for (const requestedAt of [LATER, MONDAY_AFTER]) {
      given(...history).when(command('RequestReview', { requestedAt }), { now: MONDAY_AFTER }).thenState('reviewRequested');
    }
  });

  it('accepts a request sent within the window though entered after its end, before the window’s end closes the complaint: met on time, with no breach', () => {
    const history = [...underReview(), ...responded(1)];
    expect(offered(history, '2026-04-07T15:00:00.000Z')).toContain('RequestReview');
    const { events } = given(...history).when(command('RequestReview', { requestedAt: '2026-04-01T20:00:00.000Z' }), { now: '2026-04-07T15:00:00.000Z' }).run();
    expect(events.map((e) => e.type)).toEqual(['ReviewRequested', 'ClockMet', 'ClockStarted']);
    expect(events[1]).toEqual({ type: 'ClockMet', data: { clock: 'review-window-1', at: '2026-04-01T20:00:00.000Z', onTime: true } });
    const late = given(...history).when(command('RequestReview', { requestedAt: '2026-04-02T04:00:00.000Z' }), { now: '2026-04-07T15:00:00.000Z' }).error();
    expect(late.code).toBe('COMPLAINT.REVIEW_WINDOW_PASSED');
    expect(late.details).toEqual({ issues: [{ path: 'data.requestedAt', message: 'The review window ended at the end of 2026-04-01: if the complainant sent the request by then, give the date it was sent.' }] });
    expect(late.detailsIn('fr')).toEqual({
      issues: [{ path: 'data.requestedAt', message: 'Le délai de révision a expiré à la fin de la journée du 2026-04-01\u00a0: si la personne plaignante a envoyé sa demande au plus tard ce jour-là, indiquez la date de son envoi.' }],
    });
  });

  it('once the window’s end closed the complaint, refuses a request sent within it, saying that a closed complaint is not reopened and what to do instead', () => {
    const breach = { clock: 'review-window-1', at: '2026-04-02T03:59:59.999Z' };
    const beforeClosing = [...underReview(), ...responded(1), { type: 'ClockBreached', data: breach }];
    const closing = complaintWorkflow.onClockBreached!(breach, foldHistory(complaintWorkflow, beforeClosing), specContext());
    const closed = [...beforeClosing, ...closing];
    const error = given(...closed).when(command('RequestReview', { requestedAt: '2026-04-01T20:00:00.000Z' }), { now: '2026-04-07T15:00:00.000Z' }).error();
    expect([error.code, error.kind]).toEqual(['COMPLAINT.CLOSED_BEFORE_REVIEW_RECORDED', 'rule']);
    expect(error.messageIn('en')).toBe(
      `The request for a review dated 2026-04-01T20:00:00.000Z was sent in time, but the complaint closed when its review window ended, at the end of 2026-04-01, because no request had been recorded by then; a closed complaint cannot be reopened. Receive the request as a new complaint, received on the date the complainant sent it, quoting this complaint's reference and concerning the same program, if it named one, and have a supervisor assign it to the person who holds level 2 (${CHAIN[1]?.title}).`,
    );
    expect(error.messageIn('fr')).toContain(`une plainte fermée ne peut pas être rouverte. Recevez la demande comme une nouvelle plainte`);
    expect(error.messageIn('fr')).toContain(`palier 2 (${CHAIN[1]?.titleFr}).`);
    expect(error.details).toEqual({ issues: [{ path: 'data.requestedAt', message: error.messageIn('en') }] });
    // Undated, or dated after the window: its end is the reason.
    given(...closed).when(command('RequestReview'), { now: '2026-04-07T15:00:00.000Z' }).thenThrows('COMPLAINT.REVIEW_WINDOW_PASSED');
  });
});

describe('complaint: PauseClock and ResumeClock', () => {
  // The reason is free text about the complainant: sealed with their key.
  const paused = {
    type: 'ClockPaused',
    data: { clock: 'response-1', pausedAt: RECEIVED_AT, subjectId: 'subject-complainant', reason: 'Awaiting the complainant' },
  };

  it('pauses a running clock with a reason', () => {
    given(...underReview())
      .when(command('PauseClock', { clock: 'response-1', reason: 'Awaiting the complainant' }))
      .thenEvents([paused]);
  });

  it('records the warnings that fell due before the pause, at their own instants, then pauses', () => {
    const at = '2026-04-08T14:00:00.000Z'; // Wednesday 10:00: both warnings passed, the scheduler recorded neither
    given(...underReview())
      .when(command('PauseClock', { clock: 'response-1', reason: 'Awaiting the complainant' }), { now: at })
      .thenEvents([
        { type: 'ClockWarned', data: { clock: 'response-1', threshold: 0.5, at: '2026-03-23T17:00:00.000Z', dueAt: '2026-04-15T21:00:00.000Z' } },
        { type: 'ClockWarned', data: { clock: 'response-1', threshold: 0.8, at: '2026-04-07T19:24:00.000Z', dueAt: '2026-04-15T21:00:00.000Z' } },
        { type: 'ClockPaused', data: { clock: 'response-1', pausedAt: at, subjectId: 'subject-complainant', reason: 'Awaiting the complainant' } },
      ]);
  });

  it('AcknowledgementRunsWithoutPause: refuses to pause the acknowledgement clock, beside the clock field, in both languages, and still pauses a response clock', () => {
    const pause = (clock: string) => command('PauseClock', { clock, reason: 'Awaiting information from the complainant' });
    const error = given(...received()).when(pause('acknowledgement'), { now: LATER }).error();
    expect([error.code, error.kind]).toEqual(['CLOCK.NOT_PAUSABLE', 'rule']);
    expect(error.messageIn('en')).toBe(
      'The clock “Acknowledgement” cannot be paused: acknowledging receipt of a complaint needs nothing from the complainant, so its 2 business days run without a stop. A response clock can be paused while awaiting information from the complainant.',
    );
    expect(error.messageIn('fr')).toBe(
      'Le délai «\u00a0Accusé de réception\u00a0» ne peut pas être suspendu\u00a0: accuser réception d’une plainte n’exige rien de la personne plaignante, et ses 2 jours ouvrables courent donc sans interruption. Un délai de réponse peut être suspendu en attendant des renseignements de la personne plaignante.',
    );
    expect(error.details).toEqual({ issues: [{ path: 'data.clock', message: error.messageIn('en') }] });
    expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.clock', message: error.messageIn('fr') }] });
    expect(given(...received()).when(pause('response-1'), { now: LATER }).run().events.map((e) => e.type)).toEqual(['ClockPaused']);
  });

  it('is not offered when the acknowledgement clock is the only one that could be paused, and a pause of it sent then is refused by the same rule', () => {
    const responsePaused = { ...paused, data: { ...paused.data, pausedAt: LATER } };
    expect(offered(received(), LATER)).toContain('PauseClock');
    expect(offered([...received(), responsePaused], LATER)).not.toContain('PauseClock');
    const error = given(...received(), responsePaused).when(command('PauseClock', { clock: 'acknowledgement', reason: 'x' }), { now: LATER }).error();
    expect(error.code).toBe('CLOCK.NOT_PAUSABLE');
    expect(error.details).toEqual({ issues: [{ path: 'data.clock', message: error.messageIn('en') }] });
  });

  it('still resumes an acknowledgement clock paused before pausing it was refused', () => {
    const history = [...received(), { type: 'ClockPaused', data: { clock: 'acknowledgement', pausedAt: RECEIVED_AT, reason: 'Letter unreadable' } }];
    expect(offered(history, LATER)).toContain('ResumeClock');
    const { state } = given(...history).when(command('ResumeClock', { clock: 'acknowledgement' }), { now: LATER }).run();
    expect(state.clocks['acknowledgement']?.status).toBe('running');
  });

  it('refuses to pause a clock whose due time passed before the scheduler recorded its breach, as it refuses a breached one', () => {
    const pause = command('PauseClock', { clock: 'acknowledgement', reason: 'Awaiting the complainant' });
    const overdue = given(...received()).when(pause, { now: MONDAY_AFTER }).error();
    const breached = given(...received(), { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2026-03-04T22:00:00.000Z' } }).when(pause, { now: MONDAY_AFTER }).error();
    expect(overdue.code).toBe('CLOCK.NOT_RUNNING');
    expect(overdue.messageIn('en')).toBe('The clock “Acknowledgement” is breached, not running.');
    expect([overdue.messageIn('en'), overdue.messageIn('fr')]).toEqual([breached.messageIn('en'), breached.messageIn('fr')]);
  });

  it('requires a reason', () => {
    given(...underReview())
      .when(command('PauseClock', { clock: 'response-1' }))
      .thenThrows('VALIDATION.INVALID_INPUT', { issues: [{ path: 'data.reason' }] });
  });

  it('names the clocks of the case, by key and name in the reader’s language, when asked to pause one it does not have', () => {
    const error = given(...underReview()).when(command('PauseClock', { clock: 'response-2', reason: 'x' })).error();
    expect(error.code).toBe('CLOCK.UNKNOWN');
    expect(error.messageIn('en')).toBe('This case has no clock “response-2”. Its clocks: acknowledgement (Acknowledgement), response-1 (Response, level 1).');
    expect(error.messageIn('fr')).toBe(
      'Ce dossier n’a pas de délai «\u00a0response-2\u00a0». Ses délais\u00a0: acknowledgement (Accusé de réception), response-1 (Réponse, palier 1).',
    );
  });

  it('refuses to pause a clock that was met, naming it in the reader’s language', () => {
    const error = given(...underReview()).when(command('PauseClock', { clock: 'acknowledgement', reason: 'x' })).error();
    expect(error.code).toBe('CLOCK.NOT_RUNNING');
    expect(error.messageIn('en')).toBe('The clock “Acknowledgement” is met, not running.');
    expect(error.messageIn('fr')).toBe('Le délai «\u00a0Accusé de réception\u00a0» est respecté, et non en cours.');
  });

  it('names a clock started before French names were recorded by its English name in French refusals', () => {
    const withoutFrench = underReview().map((event) => {
      if (event.type !== 'ClockStarted') return event;
      const { nameFr: _, ...data } = event.data as { nameFr?: string };
      return { ...event, data };
    });
    const error = given(...withoutFrench).when(command('PauseClock', { clock: 'acknowledgement', reason: 'x' })).error();
    expect(error.messageIn('fr')).toBe('Le délai «\u00a0Acknowledgement\u00a0» est respecté, et non en cours.');
  });

  it('is not offered when no clock is running, and a refused pause says why of the clock, not of the case', () => {
    expect(offered([...underReview(), paused], LATER)).not.toContain('PauseClock');
    const error = given(...underReview(), paused).when(command('PauseClock', { clock: 'response-1', reason: 'x' }), { now: LATER }).error();
    expect(error.code).toBe('CLOCK.NOT_RUNNING');
    expect(error.messageIn('en')).toBe('The clock “Response, level 1” is paused, not running.');
    expect(error.messageIn('fr')).not.toMatch(/état|state/);
    given(...underReview(), paused).when(command('PauseClock', { clock: 'response-9', reason: 'x' })).thenThrows('CLOCK.UNKNOWN');
  });

  it('resumes a paused clock, pushing its due time by the business time it was paused', () => {
    const { events, state } = given(...underReview(), paused)
      .when(command('ResumeClock', { clock: 'response-1' }), { now: '2026-03-04T14:00:00.000Z' })
      .run();
    expect(events).toEqual([
      expect.objectContaining({ type: 'ClockResumed', data: expect.objectContaining({ clock: 'response-1', pausedBusinessMs: 20 * 3_600_000, dueAt: '2026-04-17T21:00:00.000Z' }) }),
    ]);
    expect(state.clocks['response-1']?.status).toBe('running');
  });

  it('refuses to resume a clock that is running', () => {
    given(...underReview(), paused, clockStarted('response-9', 9, RECEIVED_AT, 30))
      .when(command('ResumeClock', { clock: 'response-9' }))
      .thenThrows('CLOCK.NOT_PAUSED');
  });

  it('names breached a running clock whose time ran out, though the scheduler has not recorded it yet, as a refused pause does', () => {
    // The acknowledgement clock is still running in the log; by this now it ran out.
    const late = '2026-06-01T15:00:00.000Z';
    const resume = given(...received()).when(command('ResumeClock', { clock: 'acknowledgement' }), { now: late }).error();
    const pause = given(...received()).when(command('PauseClock', { clock: 'acknowledgement', reason: 'x' }), { now: late }).error();
    expect(resume.messageIn('en')).toBe('The clock “Acknowledgement” is breached, not paused.');
    expect({ resume: resume.messageIn('fr'), pause: pause.messageIn('fr') }).toEqual({
      resume: 'Le délai «\u00a0Accusé de réception\u00a0» est dépassé, et non en pause.',
      pause: 'Le délai «\u00a0Accusé de réception\u00a0» est dépassé, et non en cours.',
    });
  });

  it('names the clock it cannot resume in the reader’s language', () => {
    const error = given(...underReview(), paused, clockStarted('response-9', 9, RECEIVED_AT, 30)).when(command('ResumeClock', { clock: 'response-9' })).error();
    expect(error.messageIn('en')).toBe('The clock “Response, level 9” is running, not paused.');
    expect(error.messageIn('fr')).toBe('Le délai «\u00a0Réponse, palier 9\u00a0» est en cours, et non en pause.');
  });

  it('is not offered when no clock is paused, and a refused resumption says the clock is not paused', () => {
    expect(offered(underReview(), LATER)).not.toContain('ResumeClock');
    expect(given(...underReview()).when(command('ResumeClock', { clock: 'response-1' })).error().messageIn('en')).toBe('The clock “Response, level 1” is running, not paused.');
  });
});

describe('complaint: CloseComplaint', () => {
  it('RightOfReviewCannotBeCutOff: refuses to close an answered complaint while its review window is open, naming its end, in both languages', () => {
    const error = given(...underReview(), ...responded(1)).when(command('CloseComplaint'), { now: LATER }).error();
    expect(error.code).toBe('COMPLAINT.RIGHT_OF_REVIEW_OPEN');
    // 1 April, the 30th day, to 23:59:59 in Ottawa (03:59:59.999 UTC on 2 April): the day the complaint's region lives.
    expect(error.message).toContain('until the end of 2026-04-01: the complaint cannot be closed before.');
    expect(error.messageIn('fr')).toContain(`palier 2 (${CHAIN[1]?.titleFr}) jusqu’à la fin de la journée du 2026-04-01\u00a0:`);
    expect(`${error.messageIn('en')} ${error.messageIn('fr')}`).not.toContain('2026-04-02');
  });

  it('names the window’s last day as a local date of the complaint’s region, not the UTC instant it ends', () => {
    const window = foldHistory(complaintWorkflow, [...underReview(), ...responded(1, '2027-12-23T15:00:00.000Z')]).clocks['review-window-1'];
    expect(window?.dueAt).toBe('2028-01-23T04:59:59.999Z'); // 22 January, 23:59:59.999 in Ottawa
    const error = given(...underReview(), ...responded(1, '2027-12-23T15:00:00.000Z')).when(command('CloseComplaint'), { now: '2028-01-05T15:00:00.000Z' }).error();
    expect(error.messageIn('en')).toContain('until the end of 2028-01-22:');
    expect(error.messageIn('fr')).toContain('jusqu’à la fin de la journée du 2028-01-22\u00a0:');
  });

  it('RightOfReviewCannotBeCutOff: a paused review window still keeps the complaint open, and the refusal says it is paused, not until when', () => {
    const paused = { type: 'ClockPaused', data: { clock: 'review-window-1', pausedAt: LATER, reason: 'The complainant is in hospital' } };
    const error = given(...underReview(), ...responded(1), paused).when(command('CloseComplaint'), { now: '2026-05-01T15:00:00.000Z' }).error();
    expect(error.code).toBe('COMPLAINT.RIGHT_OF_REVIEW_PAUSED');
    expect(`${error.messageIn('en')} ${error.messageIn('fr')}`).not.toContain('2026-04-01');
  });

  it('once the review window has passed, before the scheduler records it: closing closes as the window’s end would, and a review is offered only for a request sent in time', () => {
    expect(offered([...underReview(), ...responded(1)], '2026-04-07T15:00:00.000Z')).toEqual(expect.arrayContaining(['CloseComplaint', 'RequestReview']));
    const { events } = given(...underReview(), ...responded(1)).when(command('CloseComplaint'), { now: '2026-04-07T15:00:00.000Z' }).run();
    expect(events.at(-1)).toEqual({ type: 'ComplaintClosed', data: { closedAt: '2026-04-02T03:59:59.999Z', level: 1, ...titlesAt(0), outcome: 'reviewNotRequested' } });
    given(...underReview(), ...responded(1)).when(command('RequestReview'), { now: '2026-04-07T15:00:00.000Z' }).thenThrows('COMPLAINT.REVIEW_WINDOW_PASSED');
  });

  it('closes by itself when the review window passes without a review request, as of the end of the window', () => {
    const history = foldHistory(complaintWorkflow, [...underReview(), ...responded(1), { type: 'ClockBreached', data: { clock: 'review-window-1', at: '2026-04-02T03:59:59.999Z' } }]);
    expect(complaintWorkflow.onClockBreached?.({ clock: 'review-window-1', at: '2026-04-02T03:59:59.999Z' }, history, specContext())).toEqual([
      { type: 'ClockCancelled', data: { clock: 'review-window-1', at: '2026-04-02T03:59:59.999Z', reason: 'The complaint was closed.', reasonFr: 'La plainte a été fermée.' } },
      { type: 'ComplaintClosed', data: { closedAt: '2026-04-02T03:59:59.999Z', level: 1, ...titlesAt(0), outcome: 'reviewNotRequested' } },
    ]);
  });

  it('does nothing when another clock runs out', () => {
    const history = foldHistory(complaintWorkflow, [...underReview()]);
    expect(complaintWorkflow.onClockBreached?.({ clock: 'response-1', at: '2026-04-15T21:00:00.000Z' }, history, specContext())).toEqual([]);
  });

  it('closes a complaint answered before review windows existed, as before', () => {
    const beforeWindows = [...underReview(), ...responded(1).filter((e) => !(e.type === 'ClockStarted' && e.data.clock === 'review-window-1'))];
    given(...beforeWindows).when(command('CloseComplaint')).thenEvents([
      { type: 'ComplaintClosed', data: { closedAt: RECEIVED_AT, level: 1, ...titlesAt(0), outcome: 'reviewsExhausted' } },
    ]);
  });

  it('closes after the last level answered, the reviews exhausted', () => {
    const { events } = given(...respondedAtLastLevel()).when(command('CloseComplaint')).run();
    expect(events).toEqual([{ type: 'ComplaintClosed', data: { closedAt: RECEIVED_AT, level: 3, ...titlesAt(2), outcome: 'reviewsExhausted' } }]);
  });

  it('still explains the ended chain when a review is requested after closing', () => {
    const closed = given(...respondedAtLastLevel()).when(command('CloseComplaint')).run();
    given(...respondedAtLastLevel(), ...closed.events).when(command('RequestReview')).thenThrows('COMPLAINT.REVIEW_CHAIN_ENDED');
  });

  it('refuses a review after the window’s end closed the complaint below the last level, offering nothing', () => {
    const closed = [...underReview(), ...responded(1), { type: 'ComplaintClosed', data: { closedAt: '2026-04-02T03:59:59.999Z', level: 1, levelTitle: 'x', outcome: 'reviewNotRequested' } }];
    expect(offered(closed, '2026-04-07T15:00:00.000Z')).toEqual([]);
    given(...closed).when(command('RequestReview'), { now: '2026-04-07T15:00:00.000Z' }).thenThrows('COMPLAINT.REVIEW_WINDOW_PASSED');
  });

  it('needs a response first', () => {
    given(...underReview()).when(command('CloseComplaint')).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('complaint: WithdrawComplaint', () => {
  const states: [string, () => unknown[]][] = [
    ['received', () => received()],
    ['acknowledged', () => [...received(), ...acknowledged()]],
    ['underReview', () => underReview()],
    ['responded', () => [...underReview(), ...responded(1)]],
    ['reviewRequested', () => [...underReview(), ...responded(1), ...reviewRequested(1)]],
  ];

  it.each(states)('can be withdrawn while %s', (_name, history) => {
    given(...(history() as never[])).when(command('WithdrawComplaint')).thenState('withdrawn');
  });

  it('cancels the open clocks before recording the withdrawal', () => {
    given(...received())
      .when(command('WithdrawComplaint'), { now: LATER })
      .thenEvents([
        { type: 'ClockCancelled', data: { clock: 'acknowledgement', at: LATER, reason: 'The complainant withdrew the complaint.', reasonFr: 'La personne plaignante a retiré la plainte.' } },
        { type: 'ClockCancelled', data: { clock: 'response-1', at: LATER, reason: 'The complainant withdrew the complaint.', reasonFr: 'La personne plaignante a retiré la plainte.' } },
        { type: 'ComplaintWithdrawn', data: { withdrawnAt: LATER, level: 1, ...titlesAt(0) } },
      ]);
  });

  it('records the breach of a clock that ran out before the withdrawal, at its due time, when the scheduler had not', () => {
    const reason = { reason: 'The complainant withdrew the complaint.', reasonFr: 'La personne plaignante a retiré la plainte.' };
    const { events, state } = given(...received()).when(command('WithdrawComplaint'), { now: MONDAY_AFTER }).run();
    expect(events).toEqual([
      { type: 'ClockBreached', data: { clock: 'acknowledgement', at: '2026-03-04T22:00:00.000Z' } },
      { type: 'ClockCancelled', data: { clock: 'acknowledgement', at: MONDAY_AFTER, ...reason } },
      { type: 'ClockCancelled', data: { clock: 'response-1', at: MONDAY_AFTER, ...reason } },
      { type: 'ComplaintWithdrawn', data: { withdrawnAt: MONDAY_AFTER, level: 1, ...titlesAt(0) } },
    ]);
    expect(state.clocks['acknowledgement']).toMatchObject({ status: 'breached', breachedAt: '2026-03-04T22:00:00.000Z' });
    expect(state.clocks['response-1']?.status).toBe('cancelled');
  });

  it('cancels a paused clock and a breached one too', () => {
    const { events } = given(
      ...underReview(),
      { type: 'ClockPaused', data: { clock: 'response-1', pausedAt: RECEIVED_AT, reason: 'Awaiting the complainant' } },
      clockStarted('response-9', 9, RECEIVED_AT, 30),
      { type: 'ClockBreached', data: { clock: 'response-9', at: RECEIVED_AT } },
    )
      .when(command('WithdrawComplaint'))
      .run();
    expect(events.filter((e) => e.type === 'ClockCancelled').map((e) => (e.data as { clock: string }).clock)).toEqual(['response-1', 'response-9']);
  });

  it('cannot withdraw a resolved complaint', () => {
    given(...underReview(), ...responded(1), { type: 'ResponseAccepted', data: { acceptedAt: RECEIVED_AT, level: 1, levelTitle: 'x' } })
      .when(command('WithdrawComplaint'))
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: [] });
  });
});

describe('complaint: a breached clock never blocks the work', () => {
  it('offers the same commands with a breached response clock', () => {
    const breach = { type: 'ClockBreached', data: { clock: 'response-1', at: '2026-04-15T21:00:00.000Z' } };
    const { allowedCommands } = given(...received(), ...acknowledged())
      .when(command('AssignHandler', { handlerId: 'practitioner-1' }))
      .run();
    const breached = given(...received(), ...acknowledged(), breach).when(command('AssignHandler', { handlerId: 'practitioner-1' })).run();
    expect(breached.allowedCommands).toEqual(allowedCommands.filter((c) => c !== 'PauseClock'));
  });
});

describe('complaint: summary', () => {
  it('shows the level, its title, the handler and the channel, and no personal information', () => {
    const history = [
      ...received(),
      ...acknowledged(),
      handlerAssigned('practitioner-1'),
    ];
    const { state } = given(...history).when(respond({ nextLevel: { name: 'Zed Uniquename', contact: 'zed@unique.example' } })).run();
    const summary = complaintWorkflow.summarize(state);
    expect(summary).toEqual({
      region: 'ON',
      assignees: ['practitioner-1'],
      details: {
        kind: 'complaint',
        channel: 'electronic',
        program: null,
        level: 1,
        levelTitle: CHAIN[0]?.title,
        levelTitleFr: CHAIN[0]?.titleFr,
        levels: 3,
        lastLevel: false,
        nextLevelTitle: CHAIN[1]?.title,
        nextLevelTitleFr: CHAIN[1]?.titleFr,
        reviewWindowEndsAt: '2026-04-02T03:59:59.999Z',
        reviewsRequested: 0,
      },
    });
    const text = JSON.stringify(summary);
    for (const personal of ['Robin', 'robin@example.org', 'cancelled', 'Zed', 'zed@unique', COMPLAINANT_ID]) expect(text).not.toContain(personal);
  });

  it('records each level by its English and French titles, and refuses in French with the French title', () => {
    const history = respondedAtLastLevel();
    for (const event of history.filter((e) => 'levelTitle' in e.data)) {
      const data = event.data as { level: number; levelTitle: string; levelTitleFr?: string };
      const level = CHAIN.find((l) => l.level === data.level);
      expect([event.type, data.levelTitle, data.levelTitleFr]).toEqual([event.type, level?.title, level?.titleFr]);
    }
    const error = given(...history).when(command('RequestReview')).error();
    expect(error.message).toContain(`level 3 (${CHAIN[2]?.title})`);
    expect(error.messageIn('fr')).toContain(`palier 3 (${CHAIN[2]?.titleFr})`);
  });

  it('marks the last level', () => {
    const state = foldHistory(complaintWorkflow, respondedAtLastLevel());
    expect(complaintWorkflow.summarize(state).details).toMatchObject({ level: 3, lastLevel: true, reviewsRequested: 2 });
  });
});

describe('complaint: feedback that is not a complaint', () => {
  it('records feedback without the 2- and 30-business-day clocks, and closes it as noted', () => {
    const outcome = given().when(receive({ kind: 'feedback' })).run();
    expect(outcome.events.map((e) => e.type)).toEqual(['ComplaintReceived']);
    expect(outcome.events[0]).toMatchObject({ data: { kind: 'feedback' } });
    expect(outcome.stateName).toBe('feedback');
    expect(outcome.allowedCommands).toEqual(['AcknowledgeComplaint', 'AssignHandler', 'CloseComplaint', 'WithdrawComplaint']);
    const closed = given(...outcome.events).when(command('CloseComplaint'), { now: LATER }).run();
    expect(closed.events).toEqual([{ type: 'ComplaintClosed', data: { closedAt: LATER, level: 1, ...titlesAt(0), outcome: 'feedbackRecorded' } }]);
    expect(closed.stateName).toBe('closed');
  });

  it('may be acknowledged once, with no clock to meet', () => {
    const { events } = given().when(receive({ kind: 'feedback' })).run();
    const acknowledged = given(...events).when(command('AcknowledgeComplaint', { method: 'email' })).run();
    expect(acknowledged.events.map((e) => e.type)).toEqual(['ComplaintAcknowledged']);
    expect(acknowledged.allowedCommands).not.toContain('AcknowledgeComplaint');
  });

  it('is a complaint unless said otherwise', () => {
    expect(given().when(receive()).run().events[0]).toMatchObject({ data: { kind: 'complaint' } });
  });
});

describe('complaint: the program it concerns', () => {
  const roChain = ['RJU case coordinator | Coordination des cas, UJR', 'Manager, Restorative Justice Unit'];
  const settings: MendSettings = {
    ...DEFAULT_SETTINGS,
    workflows: { complaint: ComplaintSettings.parse({ chainsByProgram: { 'restorative-opportunities': roChain } }) },
  };

  it("follows the escalation chain configured for the program it is about, and is read as that program's cases", () => {
    const { events, state } = given().when(receive({ concerns: { program: 'restorative-opportunities', caseId: 'case-7' } }), { settings }).run();
    expect(events[0]).toMatchObject({
      data: {
        escalationChain: [
          { level: 1, title: 'RJU case coordinator', titleFr: 'Coordination des cas, UJR' },
          { level: 2, title: 'Manager, Restorative Justice Unit' },
        ],
        levelTitle: 'RJU case coordinator',
        levelTitleFr: 'Coordination des cas, UJR',
        readAs: 'restorative-opportunities',
      },
    });
    expect(complaintWorkflow.summarize(state).readAs).toBe('restorative-opportunities');
  });

  it('records a level configured without French by its English title alone', () => {
    const { events, state } = given().when(receive({ concerns: { program: 'restorative-opportunities', caseId: 'case-7' } }), { settings }).run();
    expect((events[0]?.data as { escalationChain: object[] }).escalationChain[1]).toEqual({ level: 2, title: 'Manager, Restorative Justice Unit' });
    expect(complaintWorkflow.summarize(state).details).toMatchObject({ levelTitleFr: 'Coordination des cas, UJR', nextLevelTitle: 'Manager, Restorative Justice Unit' });
    expect(complaintWorkflow.summarize(state).details).not.toHaveProperty('nextLevelTitleFr');
  });

  it('follows the default chain for a program without its own', () => {
    const { events, state } = given().when(receive({ concerns: { program: 'restorative-engagement' } }), { settings }).run();
    expect(events[0]).toMatchObject({ data: { escalationChain: CHAIN, readAs: 'restorative-engagement' } });
    expect(complaintWorkflow.summarize(state).readAs).toBe('restorative-engagement');
  });

  it('is read as a complaint when it concerns no program', () => {
    const { state } = given().when(receive()).run();
    expect(complaintWorkflow.summarize(state).readAs).toBeUndefined();
  });

  it('refuses a program Mend does not run, naming those it does, in both languages', () => {
    const error = given().when(receive({ concerns: { program: 'parole-hearings' } })).error();
    expect(error.code).toBe('COMPLAINT.UNKNOWN_PROGRAM');
    expect(error.message).toContain('Restorative Opportunities (victim-offender mediation) (restorative-opportunities)');
    expect(error.messageIn('fr')).toContain('«\u00a0parole-hearings\u00a0»');
    // Each program by its title in the reader's language, the name the API takes beside it.
    expect(error.messageIn('fr')).toMatch(/Programmes\u00a0: [^a-z]/);
    expect(error.messageIn('fr')).not.toContain('Restorative Opportunities');
  });

  it('reports a receipt later than now and a program Mend does not run at once', () => {
    given()
      .when(receive({ receivedAt: '2026-03-02T14:00:01Z', concerns: { program: 'parole-hearings' } }))
      .thenBreaks('COMPLAINT.RECEIVED_IN_FUTURE', 'COMPLAINT.UNKNOWN_PROGRAM');
  });
});
