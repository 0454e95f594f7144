import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { PersonRole } from '../../domain/roles';
import type { paths } from '../client/mend-api';
import { startApp, type RunningApp } from '../support/app';
import { API_TYPES_FILE, apiTypesInChild } from '../support/openapi-types';
import { EXAMPLES_CLOCK_START } from './journeys.fixture';

/**
 * A client generated from /openapi.json (openapi-typescript types, openapi-fetch requests) runs a
 * case of each workflow. The types are committed and held to the live document here, and this file
 * is type-checked with them (`npm run typecheck`): a path, body or response the document gets wrong
 * fails to compile or fails here, so the document and the server cannot drift apart.
 */
describe('a client generated from /openapi.json', () => {
  let running: RunningApp;
  let document: string;

  beforeAll(async () => {
    running = await startApp({ start: EXAMPLES_CLOCK_START });
    document = await (await fetch(`${running.baseUrl}/openapi.json`)).text();
  });
  afterAll(async () => running.close());

  const as = async (role: PersonRole, subject: string) =>
    createClient<paths>({ baseUrl: running.baseUrl, headers: { authorization: `Bearer ${await running.token(role, subject)}` } });

  /** What a call answered, in the terms the journey checks: status, state, revision, and the ETag a next command sends as If-Match. */
  const outcome = ({ data, error, response }: { data?: { state: string; revision: number }; error?: unknown; response: Response }) => ({
    status: response.status,
    state: data?.state,
    revision: data?.revision,
    etag: response.headers.get('etag') ?? '',
    error,
  });

  it('has the committed types openapi-typescript makes of the live document', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', API_TYPES_FILE), 'utf8');
    if (committed !== (await apiTypesInChild(document))) {
      throw new Error(`${API_TYPES_FILE} no longer matches /openapi.json: run \`node -r ./test/support/register.js scripts/openapi-client.ts\`, review the difference and commit it.`);
    }
  });

  it('takes a complaint from receipt through two reviews to closure', async () => {
    const supervisor = await as('supervisor', 's-1');
    const handlers = [await as('practitioner', 'p-1'), await as('practitioner', 'p-2'), await as('practitioner', 'p-3')] as const;
    const receipt = await supervisor.POST('/cases', {
      body: {
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: {
          channel: 'electronic',
          receivedAt: '2026-03-09T11:30:00-04:00',
          region: 'ON',
          complainant: { name: 'Robin', pseudonym: true, contact: 'robin@example.org' },
          text: 'My preparation meeting was cancelled twice without notice.',
        },
      },
    });
    const opened = outcome(receipt);
    expect(opened).toMatchObject({ status: 201, state: 'received', revision: expect.any(Number) });
    const created = await supervisor.GET('/cases', { params: { query: { workflow: 'complaint', minPosition: receipt.data!.position } } });
    const id = created.data!.items[0]!.caseId;
    let etag = opened.etag;
    const send = async (result: Promise<Parameters<typeof outcome>[0]>, state: string) => {
      const got = outcome(await result);
      expect({ status: got.status, state: got.state, error: got.error }).toEqual({ status: 200, state, error: undefined });
      expect(got.etag).toBe(`"${got.revision}"`);
      etag = got.etag;
    };
    const path = { id };
    const nextLevel = { name: 'Alex Martin', contact: 'alex.martin@example.gc.ca' };
    await send(supervisor.POST('/cases/{id}/commands/AssignHandler', { params: { path, header: { 'If-Match': etag } }, body: { handlerId: 'p-1' } }), 'received');
    await send(handlers[0].POST('/cases/{id}/commands/AcknowledgeComplaint', { params: { path, header: { 'If-Match': etag } }, body: { method: 'email' } }), 'underReview');
    await send(handlers[0].POST('/cases/{id}/commands/Respond', { params: { path, header: { 'If-Match': etag } }, body: { response: 'We are sorry.', nextLevel } }), 'responded');
    await send(handlers[0].POST('/cases/{id}/commands/RequestReview', { params: { path, header: { 'If-Match': etag } }, body: { grounds: 'No reason given.' } }), 'reviewRequested');
    await send(supervisor.POST('/cases/{id}/commands/AssignHandler', { params: { path, header: { 'If-Match': etag } }, body: { handlerId: 'p-2' } }), 'underReview');
    await send(handlers[1].POST('/cases/{id}/commands/Respond', { params: { path, header: { 'If-Match': etag } }, body: { response: 'It was an error.', nextLevel } }), 'responded');
    await send(handlers[1].POST('/cases/{id}/commands/RequestReview', { params: { path, header: { 'If-Match': etag } }, body: { grounds: 'What will change?' } }), 'reviewRequested');
    await send(supervisor.POST('/cases/{id}/commands/AssignHandler', { params: { path, header: { 'If-Match': etag } }, body: { handlerId: 'p-3' } }), 'underReview');
    await send(handlers[2].POST('/cases/{id}/commands/Respond', { params: { path, header: { 'If-Match': etag } }, body: { response: 'A call is now required.' } }), 'responded');
    await send(handlers[2].POST('/cases/{id}/commands/CloseComplaint', { params: { path, header: { 'If-Match': etag } }, body: {} }), 'closed');

    const stale = await supervisor.POST('/cases/{id}/commands/AssignHandler', { params: { path, header: { 'If-Match': '"1"' } }, body: { handlerId: 'p-1' } });
    expect({ status: stale.response.status, code: stale.error?.code }).toEqual({ status: 409, code: expect.stringMatching(/CONFLICT|NOT_ALLOWED/) });
    const history = await (await as('auditor', 'a-1')).GET('/cases/{id}/history', { params: { path } });
    expect(history.data!.items.map((item) => item.type)).toEqual(expect.arrayContaining(['ComplaintReceived', 'ComplaintClosed']));
  });

  it('takes a restorative engagement from opt-in into preparation', async () => {
    const supervisor = await as('supervisor', 's-1');
    const practitioner = await as('practitioner', 'p-1');
    const opened = await supervisor.POST('/cases', {
      body: {
        workflow: 'restorative-engagement',
        command: 'ReceiveOptIn',
        data: {
          channel: 'writtenRequest',
          region: 'ON',
          receivedAt: '2026-02-20T10:15:00-05:00',
          claimDecisionDate: '2026-02-02',
          classMember: { name: 'Sam', pseudonym: true, contact: 'sam.re@example.org' },
          officialLanguage: 'en',
        },
      },
    });
    expect(outcome(opened)).toMatchObject({ status: 201, state: 'optInReceived' });
    const path = { id: opened.data!.caseId };
    expect(outcome(await supervisor.POST('/cases/{id}/commands/ConfirmParticipation', { params: { path }, body: { officialLanguage: 'en' } }))).toMatchObject({ status: 200, state: 'awaitingPractitioner' });
    expect(outcome(await supervisor.POST('/cases/{id}/commands/AssignPractitioner', { params: { path }, body: { practitionerIds: ['p-1'] } }))).toMatchObject({ status: 200, state: 'phase1' });
    const session = await practitioner.POST('/cases/{id}/commands/RecordPreparationSession', {
      params: { path },
      body: { delivery: 'virtual', topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices'], heldAt: '2026-02-26T13:00:00-05:00' },
    });
    expect(outcome(session)).toMatchObject({ status: 200, state: 'phase1' });
    const read = await practitioner.GET('/cases/{id}', { params: { path, query: { minPosition: session.data!.position } } });
    expect({ state: read.data?.state, assignees: read.data?.assignees }).toEqual({ state: 'phase1', assignees: ['p-1'] });
    const caseload = await practitioner.GET('/caseload/{practitionerId}', { params: { path: { practitionerId: 'p-1' }, query: { minPosition: session.data!.position } } });
    expect(caseload.data!.items.map((c) => c.caseId)).toContain(path.id);
  });

  it('takes a restorative opportunities referral through intake to a mediator, seen only by the RJU', async () => {
    const rju = await as('rju', 'rju-1');
    const opened = await rju.POST('/cases', {
      body: {
        workflow: 'restorative-opportunities',
        command: 'ReceiveReferral',
        data: {
          source: 'victim',
          region: 'ON',
          receivedAt: '2026-01-12T14:30:00-05:00',
          victimRegistered: true,
          victim: { name: 'Sam Tremblay', contact: 'sam@example.org' },
          offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
        },
      },
    });
    expect(outcome(opened)).toMatchObject({ status: 201, state: 'referralReceived' });
    const path = { id: opened.data!.caseId };
    expect(outcome(await rju.POST('/cases/{id}/commands/BeginIntakeAssessment', { params: { path }, body: { intakeOfficerId: 'rju-1' } }))).toMatchObject({ state: 'intakeAssessment' });
    const assessed = await rju.POST('/cases/{id}/commands/AssessIntake', {
      params: { path },
      body: { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] },
    });
    expect(outcome(assessed)).toMatchObject({ state: 'awaitingMediator' });
    expect(outcome(await rju.POST('/cases/{id}/commands/AssignMediator', { params: { path }, body: { mediatorId: 'mediator-1' } }))).toMatchObject({ state: 'mediatorAssigned' });
    const hidden = await (await as('supervisor', 's-1')).GET('/cases/{id}', { params: { path } });
    expect({ status: hidden.response.status, code: hidden.error?.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
  });
});
