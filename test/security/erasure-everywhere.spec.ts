import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_EVENT_TYPES } from '../../domain/clocks/events';
import { CORRECT_PERSONAL_INFORMATION, PERSONAL_INFORMATION_CORRECTED } from '../../domain/corrections';
import { findEventSchema } from '../../domain/fold';
import { CASE_ID_CATEGORY } from '../../src/cases/case-repository';
import { PersonalDataCodec } from '../../src/privacy/personal-data.codec';
import { complaintWorkflow } from '../../workflows/complaint';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';

/** Every file under a directory, recursively, byte for byte (databases, WAL and journal files). */
function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : [{ path, bytes: readFileSync(path) }];
  });
}

function get(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

const person = (random: Random, tag: string) => ({
  name: `${tag} Quackenbush-${random.int(1000, 9999)}`,
  contact: `${tag.toLowerCase()}-${random.int(1000, 9999)}@example.invalid`,
});

/** The optional personal fields the driver's examples leave out, filled in now and then. */
function fillOptional(random: Random, workflow: string, command: string, data: Record<string, unknown>): Record<string, unknown> {
  switch (`${workflow}/${command}`) {
    case 'restorative-engagement/ReceiveOptIn':
      return { ...data, classMember: { ...(data['classMember'] as object), claimReference: `CLAIM-${random.int(100000, 999999)}` } };
    case 'restorative-opportunities/ReceiveReferral': {
      const { referredBy: _r, offenderStatus: _o, victimRegistered: _v, ...common } = data;
      const offender = { ...(common['offender'] as object), ...person(random, 'Offender'), fpsNumber: `${random.int(100000, 999999)}A` };
      return random.chance(0.5)
        ? { ...common, offender, source: 'victimRepresentative', victimRegistered: true, representative: person(random, 'Representative') }
        : { ...common, offender, source: 'institutional', referredBy: { staffRole: 'paroleOfficer', site: `Institution ${random.int(1000, 9999)}` } };
    }
    case 'complaint/Respond':
      return data['nextLevel'] ? { ...data, nextLevel: { ...(data['nextLevel'] as object), ...person(random, 'Manager') } } : data;
    case 'restorative-opportunities/RecordFollowUp':
      return { ...data, notes: `Follow-up notes ${random.int(100000, 999999)}` };
    case 'support-coordination/MakeReferral':
      return { ...data, note: `Referral note ${random.int(100000, 999999)}` };
    case 'restorative-opportunities/Withdraw':
      return { ...data, note: `Withdrawal note ${random.int(100000, 999999)}` };
    default:
      return data;
  }
}

/**
 * Every subject a workflow records can be erased, and erasing them leaves no plaintext anywhere:
 * cases of every workflow are written until every declared personal-data field of every event
 * (the clocks' included) holds a value; then every subject is erased through the API, and every
 * file of the data directory — event store, key store, read models, their WAL files — is searched
 * for each value.
 */
describe('erasing every subject of every personal-data field', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
  });
  afterAll(() => running.close());

  it('leaves no plaintext of any of them in the data directory', async () => {
    const codec = running.app.get(PersonalDataCodec);
    const declared = new Set<string>();
    for (const definition of workflowDefinitions) {
      // The clock events a workflow's own commands record (ClockPaused only where a command pauses clocks).
      const clockEvents = CLOCK_EVENT_TYPES.filter((type) => definition.commands.some((c) => c.primaryEvent === type));
      for (const type of [...definition.events.map((e) => e.type), ...clockEvents]) {
        for (const group of findEventSchema(definition, type)!.personalData ?? []) {
          for (const field of group.fields) declared.add(`${definition.name} ${type} ${field}`);
        }
      }
    }

    // The role a responder typed, sealed in responses recorded before it was the chain's level title: never written now.
    declared.delete('complaint ComplaintResponded nextLevel.role');
    // Write cases until every declared field was recorded, from a fixed seed.
    const random = new Random(1717);
    const seen = new Map<string, string>();
    const subjects = new Set<string>();
    const scan = async () => {
    for (const stored of await running.store.readAll({})) {
      if (stored.streamId.startsWith(`${CASE_ID_CATEGORY}-`)) continue;
      const workflow = String(stored.metadata['workflow'] ?? '');
      const definition = workflowDefinitions.find((d) => d.name === workflow);
      if (!definition) continue;
      const opened = await codec.reveal(stored);
      for (const group of findEventSchema(definition, stored.type)?.personalData ?? []) {
        const subject = get(stored.data, group.subject);
        if (typeof subject === 'string') subjects.add(subject);
        for (const field of group.fields) {
          const value = get(opened.data, field);
          if (typeof value !== 'string') continue;
          expect(get(stored.data, field)).toMatchObject({ $sealed: 'aes-256-gcm/1' });
          seen.set(`${workflow} ${stored.type} ${field}`, value);
        }
      }
    }
    };
    const cohortCommitments = 'defence-cohort RepresentativeCommitted commitments';
    // The fields the writer can reach; commitments and corrections are written after it, below. A case
    // runs up to 60 commands, deep enough that the longest paths (an RO follow-up) come up in a few rounds.
    const written = (field: string) => field !== cohortCommitments && !field.includes(` ${PERSONAL_INFORMATION_CORRECTED} `);
    for (let round = 0; round < 40 && [...declared].some((field) => written(field) && !seen.has(field)); round++) {
      await writeCases(running.app, { random, cases: 30, commandsPerCase: 60, clock: running.clock, concurrency: 20, augment: (w, c, d) => fillOptional(random, w, c, d) });
      await scan();
      running.clock.advance(24 * 3600_000);
    }

    // Completing a cohort names each representative still in it by the id they joined under, which the random writer
    // cannot know: one cohort is driven to completion after them, its representatives' commitments random like the rest.
    const cohortRandom = new Random(1718);
    const supervisor = await running.as('supervisor');
    const practitioner = await running.as('practitioner');
    const representatives = [1, 2, 3, 4, 5, 6].map((n) => ({ subjectId: `rep-${cohortRandom.int(100000, 999999)}-${n}`, ...person(cohortRandom, 'Representative') }));
    const formed = await supervisor.post('/cases', {
      workflow: 'defence-cohort',
      command: 'FormCohort',
      data: {
        region: 'ON',
        format: 'fullTime',
        delivery: 'inPerson',
        practitionerIds: ['practitioner-1', 'practitioner-2'],
        representatives: representatives.map(({ subjectId, name }) => ({ subjectId, name, affiliation: 'cafMember', nominatedOn: '2026-02-27' })),
      },
    });
    expect(formed.status).toBe(201);
    const cohort = `/cases/${formed.body.caseId}/commands`;
    const now = running.clock.now().toISOString();
    const steps: [string, Record<string, unknown>][] = [
      ['StartCohort', { startedOn: now.slice(0, 10) }],
      ['RecordSession', { kind: 'planningForAction', delivery: 'inPerson', heldAt: now }],
      ['CompleteCohort', { commitments: representatives.map(({ subjectId }) => ({ representativeId: subjectId, commitments: `Commitments ${cohortRandom.int(100000, 999999)}` })) }],
    ];
    for (const [command, data] of steps) {
      const response = await practitioner.post(`${cohort}/${command}`, data);
      expect({ command, status: response.status, body: response.body }).toMatchObject({ command, status: 200 });
    }

    // A correction names a person the case recorded, which the random writer cannot know either: each person's
    // personal fields are corrected, with a reason, until every workflow's correction has held each of them.
    const fixes = new Random(1719);
    const rju = await running.as('rju');
    // (The writer mints ids per command, so two people of a case may share one: a person is corrected where first recorded.)
    const corrections = new Map<string, string>();
    const recorded = new Set<string>();
    for (const stored of await running.store.readAll({})) {
      const definition = workflowDefinitions.find((d) => d.name === stored.metadata['workflow']);
      if (!definition || stored.type === PERSONAL_INFORMATION_CORRECTED) continue;
      for (const group of findEventSchema(definition, stored.type)?.personalData ?? []) {
        const owner = group.subject.slice(0, Math.max(0, group.subject.lastIndexOf('.')));
        const subjectId = get(stored.data, group.subject);
        if (!owner || typeof subjectId !== 'string') continue;
        const first = !recorded.has(`${stored.streamId} ${subjectId}`);
        recorded.add(`${stored.streamId} ${subjectId}`);
        if (!first) continue;
        const fields = group.fields.filter((f) => f.startsWith(`${owner}.`)).map((f) => f.slice(owner.length + 1));
        // Only what this person's record holds: an anonymous client has no name to correct (nor may be given one).
        const wanted = fields.filter((f) => !corrections.has(`${definition.name} changes.${f}`) && get(stored.data, `${owner}.${f}`) !== undefined);
        if (wanted.length === 0) continue;
        const changes = Object.fromEntries(wanted.map((f) => [f, `Fixed ${f.slice(0, 4)} ${fixes.int(100000, 999999)}`]));
        const reason = `Reason ${fixes.int(100000, 999999)}`;
        const confidential = [definition.name, stored.metadata['readAs']].includes('restorative-opportunities');
        const caseId = stored.streamId.slice(stored.streamId.indexOf('-') + 1);
        const response = await (confidential ? rju : supervisor).post(`/cases/${caseId}/commands/${CORRECT_PERSONAL_INFORMATION}`, { subjectId, changes, reason });
        expect({ workflow: definition.name, changes, status: response.status, body: response.body }).toMatchObject({ status: 200 });
        for (const f of wanted) corrections.set(`${definition.name} changes.${f}`, subjectId);
      }
    }

    // Nor does it give a response's next-level contact an id of their own: one complaint is answered here, and its contact corrected.
    const example = (command: string) => ({ ...complaintWorkflow.commands.find((c) => c.type === command)!.example });
    const received = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...example('ReceiveComplaint'), receivedAt: running.clock.now().toISOString() } });
    const complaint = `/cases/${received.body.caseId}/commands`;
    for (const [client, command] of [[supervisor, 'AcknowledgeComplaint'], [supervisor, 'AssignHandler'], [practitioner, 'Respond']] as const) {
      expect({ command, status: (await client.post(`${complaint}/${command}`, example(command))).status }).toEqual({ command, status: 200 });
    }
    const responded = (await supervisor.get(`/cases/${received.body.caseId}/history`)).body.items.find((i: { type: string }) => i.type === 'ComplaintResponded');
    const contact = await supervisor.post(`${complaint}/${CORRECT_PERSONAL_INFORMATION}`, {
      subjectId: responded.data.nextLevel.subjectId,
      changes: { role: `Director ${fixes.int(100000, 999999)}` },
      reason: `Reason ${fixes.int(100000, 999999)}`,
    });
    expect(contact.status).toBe(200);

    await scan();
    expect([...declared].filter((field) => !seen.has(field))).toEqual([]);

    const admin = await running.as('admin');
    for (const subjectId of subjects) {
      const erased = await admin.post(`/subjects/${encodeURIComponent(subjectId)}/erase`, {
        consent: { givenBy: 'subject', givenAt: running.clock.now().toISOString() },
      });
      expect({ subjectId, status: erased.status }).toEqual({ subjectId, status: 200 });
    }

    const values = [...new Set(seen.values())].filter((value) => value.length >= 6);
    const leaks = (files: { path: string; bytes: Buffer }[]) =>
      values.flatMap((value) =>
        files
          .filter(({ bytes }) => bytes.includes(Buffer.from(value, 'utf8')) || bytes.includes(Buffer.from(JSON.stringify(value).slice(1, -1), 'utf8')))
          .map(({ path }) => `${value} in ${path}`),
      );
    expect(leaks(everyFile(running.dataDir))).toEqual([]);
  }, 300_000);
});
