import { z } from 'zod';
import { CLOCK_EVENT_DEFINITIONS } from '../../domain/clocks/events';
import type { PersonRole } from '../../domain/roles';
import { mermaidDiagram, stateNames } from '../../src/workflows/diagram';
import { WorkflowSchema } from '../../src/workflows/workflow.schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';

const definitions = workflowDefinitions.map((d) => [d.name, d] as const);

/** What a client is told of a command's data: keys, the required ones, nothing else allowed. */
function expectedShape(schema: z.ZodType) {
  if (!(schema instanceof z.ZodObject)) return undefined;
  const shape = schema.shape as Record<string, z.ZodType>;
  return {
    properties: Object.keys(shape).sort(),
    // A field with a default may be left out of a request.
    required: Object.keys(shape)
      .filter((key) => !shape[key]!.safeParse(undefined).success)
      .sort(),
    additionalProperties: false,
  };
}

/** Every `$ref` anywhere in a JSON document. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));
}

describe('the workflows and their commands, as clients discover them', () => {
  let running: RunningApp;
  let workflows: any[];
  let openapi: any;

  beforeAll(async () => {
    running = await startApp();
    const response = await (await running.as('practitioner')).get('/workflows');
    expect(response.status).toBe(200);
    workflows = response.body;
    const document = await fetch(`${running.baseUrl}/openapi.json`);
    expect(document.status).toBe(200);
    openapi = await document.json();
  });
  afterAll(async () => running.close());

  const described = (name: string) => workflows.find((w) => w.name === name);

  describe('GET /workflows', () => {
    it('answers in the shape the OpenAPI document and the console take from WorkflowSchema', () => {
      for (const workflow of workflows) expect(WorkflowSchema.strict().safeParse(workflow).error).toBeUndefined();
    });

    it('lists every registered workflow at its latest version', () => {
      expect(workflows.map((w) => [w.name, w.version])).toEqual(workflowDefinitions.map((d) => [d.name, d.version]));
    });

    it.each(definitions)('%s: its states, by dotted path, and its Mermaid diagram', (name, definition) => {
      const workflow = described(name);
      expect(workflow).toMatchObject({ title: definition.labels.title.en, description: definition.labels.description.en, openingCommand: definition.openingCommand });
      expect(workflow.states).toEqual(stateNames(definition));
      expect(workflow.diagram).toBe(mermaidDiagram(definition));
      expect(workflow.diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    });

    it.each(definitions)('%s: its title, states, commands and events (names and descriptions), fields, choices and clocks in the caller\'s language (Accept-Language)', async (name, definition) => {
      const client = await running.as('practitioner');
      for (const language of ['en', 'fr'] as const) {
        const response = await client.get(`/workflows/${name}`, { 'accept-language': language === 'fr' ? 'fr-CA,fr;q=0.9,en;q=0.5' : 'en-CA' });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ language, title: definition.labels.title[language], description: definition.labels.description[language] });
        expect(response.body.stateLabels).toEqual(Object.fromEntries(stateNames(definition).map((s) => [s, definition.labels.states[s]![language]])));
        expect(response.body.commands.map((c: { name: string; label: string; description: string }) => [c.name, c.label, c.description])).toEqual(
          definition.commands.map((c) => [c.type, definition.labels.commands[c.type]![language], c.description[language]]),
        );
        // The shared clock events too, for a workflow that starts clocks: a case's history shows them.
        const recorded = [...definition.events, ...((definition.clocks ?? []).length > 0 ? CLOCK_EVENT_DEFINITIONS : [])];
        expect(response.body.events.map((e: { type: string; description: string }) => [e.type, e.description])).toEqual(
          recorded.map((e) => [e.type, e.description[language]]),
        );
        const inLanguage = (texts: Readonly<Record<string, { en: string; fr: string }>>) => Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, t[language]]));
        expect(response.body.fieldLabels).toEqual(inLanguage(definition.labels.fields));
        expect(response.body.valueLabels).toEqual(inLanguage(definition.labels.values));
        expect(response.body.clocks).toEqual(
          (definition.clocks ?? []).map((clock) => ({
            key: clock.key,
            label: clock.label[language],
            basis: clock.basis,
            metBy: clock.metBy,
            ...(clock.pausable === false ? { pausable: false } : {}),
          })),
        );
        // A clock that runs without a stop says so: a form does not offer it to pause.
        if (name === 'complaint') expect(response.body.clocks.find((c: { key: string }) => c.key === 'acknowledgement')).toMatchObject({ pausable: false });
      }
    });

    it.each(definitions)('%s: every command, the event it records and a JSON Schema generated from its zod schema', (name, definition) => {
      const commands = described(name).commands as any[];
      expect(commands.map((c) => c.name)).toEqual(definition.commands.map((c) => c.type));
      for (const command of definition.commands) {
        const listed = commands.find((c) => c.name === command.type);
        expect({ name: command.type, records: listed.records, description: listed.description, example: listed.example }).toEqual({
          name: command.type,
          records: command.primaryEvent,
          description: command.description.en,
          example: command.example,
        });
        expect(command.schema.safeParse(listed.example).success).toBe(true);
        const expected = expectedShape(command.schema);
        if (expected) {
          const { properties, required = [], additionalProperties } = listed.schema;
          expect({ command: command.type, properties: Object.keys(properties ?? {}).sort(), required: [...required].sort(), additionalProperties }).toEqual({
            command: command.type,
            ...expected,
          });
        } else {
          // A discriminated union: one strict object per variant.
          const variants = (listed.schema.oneOf ?? listed.schema.anyOf) as any[];
          expect({ command: command.type, variants: variants?.length > 1 }).toEqual({ command: command.type, variants: true });
          for (const variant of variants) expect({ command: command.type, strict: variant.additionalProperties }).toEqual({ command: command.type, strict: false });
        }
      }
    });

    it('gives the schema of its cases’ details: what each fact is (a date, an instant, a choice, a program), every field named', () => {
      for (const [name, definition] of definitions) {
        const details = described(name).details as { type: string; properties: Record<string, Record<string, unknown>>; additionalProperties: boolean };
        expect({ name, type: details.type, additionalProperties: details.additionalProperties }).toEqual({ name, type: 'object', additionalProperties: false });
        const fields = Object.keys(details.properties).filter((field) => !(field.endsWith('Fr') && field.slice(0, -2) in details.properties));
        expect({ name, unnamed: fields.filter((field) => !(field in described(name).fieldLabels)) }).toEqual({ name, unnamed: [] });
        expect(Object.keys(details.properties).sort()).toEqual(Object.keys(definition.details.shape).sort());
      }
      const field = (workflow: string, name: string) => (described(workflow).details as { properties: Record<string, { anyOf?: Record<string, unknown>[] }> }).properties[name]?.anyOf?.[0];
      expect(field('defence-cohort', 'startedOn')).toMatchObject({ format: 'date' });
      expect(field('complaint', 'reviewWindowEndsAt')).toMatchObject({ format: 'date-time' });
      expect(field('complaint', 'program')).toMatchObject({ 'x-mend-workflow': true });
      expect(field('support-coordination', 'outcome')).toMatchObject({ enum: ['needsMet', 'referredOn', 'unreachable', 'other'] });
    });

    it('says which events end a person’s part in a case, by the field naming them', () => {
      const ending = (workflow: string) =>
        Object.fromEntries((described(workflow).events as { type: string; ends?: string }[]).filter((e) => e.ends !== undefined).map((e) => [e.type, e.ends]));
      expect(ending('defence-cohort')).toEqual({ RepresentativeWithdrawn: 'representativeId' });
      expect(ending('information-session')).toEqual({ RegistrationCancelled: 'registrationId' });
      expect(ending('restorative-opportunities')).toEqual({ ParticipationWithdrawn: 'subjectId' });
      expect(ending('complaint')).toEqual({});
    });

    it('marks in its event schemas what a value is: a clock key, a state, a staff id, a data subject’s id, a record of the case, another case, a local time, a share, a program', () => {
      const property = (workflow: string, event: string, field: string) =>
        (described(workflow).events as { type: string; schema: { properties: Record<string, Record<string, unknown>> } }[]).find((e) => e.type === event)?.schema.properties[field];
      expect(property('complaint', 'ClockStarted', 'clock')).toMatchObject({ 'x-mend-clock': true });
      expect(property('complaint', 'ClockWarned', 'threshold')).toMatchObject({ 'x-mend-share': true });
      expect(property('complaint', 'HandlerAssigned', 'handlerId')).toMatchObject({ 'x-mend-staff': true });
      expect(property('complaint', 'ComplaintResponded', 'complainantId')).toMatchObject({ 'x-mend-subject': true });
      expect(property('information-session', 'RegistrationCancelled', 'registrationId')).toMatchObject({ 'x-mend-record': 'AttendeeRegistered.registrationId' });
      expect(property('defence-cohort', 'EngagementSessionHeld', 'engagementCaseIds')).toMatchObject({ items: { 'x-mend-case': 'restorative-engagement' } });
      expect(property('restorative-engagement', 'ParticipationWithdrawn', 'stage')).toMatchObject({ 'x-mend-state': true });
      expect(property('support-coordination', 'FirstContactMade', 'localTime')).toMatchObject({ 'x-mend-local-time': true });
      expect(property('complaint', 'ComplaintReceived', 'concerns')).toMatchObject({ properties: { program: { 'x-mend-workflow': true } } });
      // A command's staff field says whose people it names where the workflow's assigned role is not it.
      const commandField = (workflow: string, command: string, field: string) =>
        (described(workflow).commands as { name: string; schema: { properties: Record<string, Record<string, unknown>> } }[]).find((c) => c.name === command)?.schema.properties[field];
      expect(commandField('restorative-opportunities', 'BeginIntakeAssessment', 'intakeOfficerId')).toMatchObject({ 'x-mend-staff': ['rju'] });
      expect(commandField('restorative-opportunities', 'ReassignCase', 'assigneeId')).toMatchObject({ 'x-mend-staff': ['rju', 'mediator'] });
      expect(commandField('complaint', 'AssignHandler', 'handlerId')).toMatchObject({ 'x-mend-staff': true });
      const withClockEvents = (name: string) => (described(name).events as { type: string }[]).some((e) => e.type === 'ClockStarted');
      expect(definitions.map(([name]) => [name, withClockEvents(name)])).toEqual(definitions.map(([name, definition]) => [name, (definition.clocks ?? []).length > 0]));
    });

    it('GET /workflows/:name is the same description', async () => {
      const http = await running.as('supervisor');
      for (const definition of workflowDefinitions) {
        const one = await http.get(`/workflows/${definition.name}`);
        expect({ status: one.status, body: one.body }).toEqual({ status: 200, body: described(definition.name) });
      }
    });

    it.each<PersonRole>(['practitioner', 'supervisor', 'auditor', 'rju', 'admin'])('is readable by a %s, and by no one without a token', async (role) => {
      expect((await (await running.as(role)).get('/workflows')).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/workflows`)).status).toBe(401);
    });
  });

  describe('GET /openapi.json', () => {
    // Section schemas that carry a zod id come out as {$ref: '#/$defs/X', $defs} inside components, which resolves against the document root.
    it('resolves every $ref it makes', () => {
      const missing = refsIn(openapi)
        .filter((ref) => !(ref.replace('#/components/schemas/', '') in openapi.components.schemas))
        .filter((ref, i, all) => all.indexOf(ref) === i);
      expect(missing).toEqual([]);
    });

    it.each(definitions)('%s: a path for every command, with the request schema GET /workflows gives', (name, definition) => {
      // The opening command is sent to POST /cases, documented there.
      for (const command of definition.commands.filter((c) => c.type !== definition.openingCommand)) {
        const path = openapi.paths[`/cases/{id}/commands/${command.type}`];
        const body = path?.post?.requestBody?.content?.['application/json'];
        const schemaName = `${definition.category}.${command.type}`;
        const refs = refsIn(body?.schema);
        expect({ command: command.type, refersToItsSchema: refs.includes(`#/components/schemas/${schemaName}`) }).toEqual({
          command: command.type,
          refersToItsSchema: true,
        });
        const { description, ...component } = openapi.components.schemas[schemaName];
        expect({ command: command.type, description, schema: component }).toEqual({
          command: command.type,
          description: command.description.en,
          schema: described(name).commands.find((c: any) => c.name === command.type).schema,
        });
        expect(Object.keys(path.post.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422']));
      }
    });

    // The read-model section's `/cases` (GET) replaces the whole path, POST /cases with it: sections are merged by path, not by method.
    it('opens a case of each workflow with its opening command', () => {
      expect(openapi.paths['/cases'].post).toBeDefined();
      const openings = openapi.paths['/cases'].post.requestBody.content['application/json'].schema.oneOf as any[];
      expect(openings.map((o) => [o.properties.workflow.const, o.properties.command.const, o.properties.data.$ref])).toEqual(
        workflowDefinitions.map((d) => [d.name, d.openingCommand, `#/components/schemas/${d.category}.${d.openingCommand}`]),
      );
    });

    it('documents GET /workflows', () => {
      expect(openapi.paths['/workflows'].get.responses['200']).toBeDefined();
    });
  });
});
