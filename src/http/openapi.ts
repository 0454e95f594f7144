import { z } from 'zod';
import { CaseAlreadyExists, CaseReferenceNotFound, errorCatalog, type ErrorDefinition } from '../../domain/errors';
import type { WorkflowRegistry } from '../workflows/workflow-registry';
import { STATUS_BY_KIND } from './exception.filter';
import { SERVICE_CLOCK_HEADER } from './service-clock';
import { WorkflowNotFound } from '../workflows/workflow-errors';
import { WorkflowSchema } from '../workflows/workflow.schemas';
import { CaseViewSchema, ClockViewSchema, CommandResultSchema, ErrorBodySchema } from './response-schemas';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends. */
export function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return rest;
}

const COMPONENTS = '#/components/schemas/';

/** Points zod's local `#/$defs/X` references at the document's components. */
function toComponentRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as T;
}

/**
 * Adds a response schema to the components under `name`, with every schema it names by zod id
 * (`.meta({ id })`) as a component of its own, referenced where it is used.
 */
function addOutputSchema(components: Record<string, JsonSchema>, name: string, schema: z.ZodType): void {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });
  const { $schema: _ignored, $defs = {}, ...root } = toComponentRefs(generated) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  Object.assign(components, $defs);
  if (root['$ref'] !== `${COMPONENTS}${name}`) components[name] = root;
}

/** A tag of the document: operations are grouped by it in Swagger UI and in generated clients. */
export interface OpenApiTag {
  readonly name: string;
  readonly description: string;
}

/**
 * A feature's part of the OpenAPI document: its paths, the schemas they refer to and the tags it
 * introduces. Every operation has an `operationId` (stable: clients generated from the document
 * name their methods after it) and only declared tags; test/e2e/openapi-lint.spec.ts holds them to it.
 */
export interface OpenApiSection {
  readonly paths: Record<string, unknown>;
  readonly schemas?: Record<string, z.ZodType>;
  readonly tags?: readonly OpenApiTag[];
}

/** The operationId of a workflow command's path: the command's name in lower camel case (`OpenCase` → `openCase`). */
export function commandOperationId(command: string): string {
  return command.charAt(0).toLowerCase() + command.slice(1);
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown) => ({ 'application/json': { schema } });

/**
 * Error responses of an operation, by status, each with what it means on most routes (a 404 is a
 * case's): an operation whose 404 or 409 means something else says so with `errorAnswer`.
 */
export function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: 'Invalid input: the message names each field at fault',
    401: 'No token, or a token that was refused',
    403: 'Your role or assignment does not allow this, or the staff directory marks you inactive',
    404: 'No such case (or one you may not see): `CASE.NOT_FOUND`',
    409: 'Not allowed in this state: `COMMAND.NOT_ALLOWED` (details list the allowed commands), or the step’s own refusal (`CLOCK.NOT_RUNNING`, `CLOCK.NOT_PAUSED`, or a workflow’s); or an If-Match the case does not match: `CASE.REVISION_CONFLICT` (changed since), `CASE.REVISION_NOT_REACHED` (a revision it has not reached); or, without If-Match, other steps overtook it at each attempt: `CASE.BUSY` (send it again)',
    413: 'Body too large',
    415: 'The body is not application/json, or is declared in a charset other than UTF-8',
    422: 'A business rule is broken',
    429: 'Too many requests for this token',
    503: 'Unavailable: retry after the Retry-After delay',
  };
  return Object.fromEntries(statuses.map((s) => [String(s), { description: text[s] ?? 'Error', content: json(ref('Error')) }]));
}

/**
 * One error status as an operation answers it: what it means there and the codes of the errors it
 * answers with (`errorAnswer(404, 'No one in the staff directory has this id', StaffMemberNotFound)`).
 * Spread beside `errors(...)`, which then leaves that status out. Throws when an error named is answered with another status.
 */
export function errorAnswer(status: number, description: string, ...answeredWith: readonly Pick<ErrorDefinition<never>, 'code' | 'kind'>[]) {
  const strays = answeredWith.filter((e) => STATUS_BY_KIND[e.kind] !== status).map((e) => e.code);
  if (answeredWith.length === 0 || strays.length > 0) throw new Error(`A ${status} answer must name the errors it answers with, all answered ${status}: ${strays.join(', ') || 'none named'}`);
  const codes = answeredWith.map((e) => `\`${e.code}\``).join(', ');
  return { [String(status)]: { description: `${description}: ${codes}`, content: json(ref('Error')) } };
}

export const caseResponse = (status: number, description: string, schema: 'CaseView' | 'CommandResult' = 'CaseView') => ({
  [String(status)]: {
    description,
    headers: { ETag: { description: 'The case revision, for If-Match', schema: { type: 'string' } } },
    content: json(ref(schema)),
  },
});

/** The `?workflow=` filter of a query: its values are the registered workflows' names, filled in by buildOpenApi. */
export const workflowQueryParam = (description = 'A workflow’s name (GET /workflows lists them)') => ({
  name: 'workflow',
  in: 'query',
  required: false,
  description,
  schema: { type: 'string' },
});

/**
 * Gives every `?workflow=` parameter the registered names as its values, so that no section names a
 * workflow itself. Sections are shared constants: the paths are copied before they are changed.
 */
function namesWorkflows(paths: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(paths);
  for (const operations of Object.values(copy) as Record<string, { parameters?: { name: string; in: string; schema?: unknown }[] }>[]) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.name === 'workflow' && parameter.in === 'query') parameter.schema = { type: 'string', enum: [...names] };
      }
    }
  }
  return copy;
}

/** An optional query parameter of an operation. */
export const queryParam = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

/** Read-your-writes on a read model: `?minPosition=` (ProjectionsService.awaitPosition). */
export const minPositionParam = () =>
  queryParam(
    'minPosition',
    'Wait (up to 5 s) until every read model the answer is read from has reached this position — the `position` of your last command — then answer; 400 if no write has reached it, 503 with Retry-After if one has not in time',
    { type: 'integer', minimum: 0 },
  );

export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: 'Case id' };

/**
 * The OpenAPI document, generated from the same zod schemas that validate requests: every command
 * of every workflow is a path with its own request schema and example.
 */
export function buildOpenApi(
  registry: WorkflowRegistry,
  version: string,
  sections: readonly OpenApiSection[] = [],
): Record<string, unknown> {
  const workflows = registry.latest();
  const commandSchemas: Record<string, JsonSchema> = {};
  const byCommand = new Map<string, { workflow: string; schemaName: string; description: string; example: unknown }[]>();
  for (const workflow of workflows) {
    for (const command of workflow.commands) {
      const schemaName = `${workflow.category}.${command.type}`;
      commandSchemas[schemaName] = { ...jsonSchema(command.schema), description: command.description.en };
      // Opening commands are sent to POST /cases, not to a case.
      if (command.type === workflow.openingCommand) continue;
      const list = byCommand.get(command.type) ?? [];
      list.push({ workflow: workflow.name, schemaName, description: command.description.en, example: command.example });
      byCommand.set(command.type, list);
    }
  }

  const openingBodies = workflows.map((workflow) => {
    const opening = workflow.commands.find((c) => c.type === workflow.openingCommand)!;
    return {
      type: 'object',
      additionalProperties: false,
      required: ['workflow', 'command', 'data'],
      properties: {
        workflow: { const: workflow.name },
        command: { const: opening.type },
        data: ref(`${workflow.category}.${opening.type}`),
        caseId: { type: 'string', format: 'uuid', description: 'Optional id for the new case (safe retries)' },
      },
      example: { workflow: workflow.name, command: opening.type, data: opening.example },
    };
  });

  const paths: Record<string, unknown> = {
    '/cases': {
      post: {
        operationId: 'openCase',
        tags: ['cases'],
        summary: 'Open a case with its workflow’s opening command',
        description:
          'The body names the workflow and its opening command with the command’s data; the new case is returned with its revision in the ETag header. Send a caseId of your own to retry safely.',
        requestBody: { required: true, content: json({ oneOf: openingBodies }) },
        responses: {
          ...caseResponse(201, 'The new case, with the ids it minted', 'CommandResult'),
          ...errors(400, 401, 403, 413, 415, 422, 429),
          ...errorAnswer(409, 'A case with this caseId exists already, whichever workflow holds it and whether or not you may see it', CaseAlreadyExists),
        },
      },
    },
    '/cases/{id}': {
      get: {
        operationId: 'getCase',
        tags: ['cases'],
        summary: 'The case: state, revision, allowed commands, assignees, clocks',
        description:
          'The ETag header carries the revision: send it back as If-Match with a command to be refused (409) if someone else changed the case in between. The case is never older than a command this node has answered on it, even before the read models have caught up.',
        parameters: [
          idParam,
          minPositionParam(),
        ],
        responses: { ...caseResponse(200, 'The case'), ...errors(400, 401, 403, 404, 503) },
      },
    },
    '/cases/by-reference/{reference}': {
      get: {
        operationId: 'getCaseByReference',
        tags: ['cases'],
        summary: 'The case with a human reference (CMP-2026-00042)',
        description:
          'The reference is given at opening and never changes; letters may be typed in lower case. A case you may not read answers 404, exactly as an unknown reference. Found as soon as its opening command is answered, and never older than a command this node has answered on it.',
        parameters: [
          { name: 'reference', in: 'path', required: true, schema: { type: 'string', example: 'CMP-2026-00042' }, description: 'Case reference' },
          minPositionParam(),
        ],
        responses: {
          ...caseResponse(200, 'The case'),
          ...errors(400, 401, 403, 503),
          ...errorAnswer(404, 'No case has this reference (or none you may see)', CaseReferenceNotFound),
        },
      },
    },
    '/workflows': {
      get: {
        operationId: 'listWorkflows',
        tags: ['workflows'],
        summary: 'Every workflow at every version still running: states, commands with JSON Schemas, a Mermaid diagram',
        description: 'What a client needs to build forms: each command’s JSON Schema, description and example, and the event it records.',
        responses: { '200': { description: 'The workflow definitions', content: json({ type: 'array', items: ref('Workflow') }) }, ...errors(401) },
      },
    },
    '/workflows/{name}': {
      get: {
        operationId: 'getWorkflow',
        tags: ['workflows'],
        summary: 'One workflow’s definition: states, commands with JSON Schemas, a Mermaid diagram',
        description: 'The same description as one item of GET /workflows; an unknown name is a 404 naming the known ones.',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: workflows.map((w) => w.name) }, description: 'The workflow’s name' }],
        responses: {
          '200': { description: 'The workflow definition', content: json(ref('Workflow')) },
          ...errors(401, 403),
          ...errorAnswer(404, 'No workflow has this name (the message names those there are)', WorkflowNotFound),
        },
      },
    },
    '/health': {
      get: {
        operationId: 'getHealth',
        tags: ['operations'],
        summary: 'Liveness',
        description: 'Answers 200 while the process serves; needs no token.',
        security: [],
        responses: { '200': { description: 'Alive', content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }) } },
      },
    },
  };

  for (const [command, variants] of byCommand) {
    // anyOf: a body may suit several workflows (a correction of a contact), and the case's workflow decides.
    const schema = variants.length === 1 ? ref(variants[0]!.schemaName) : { anyOf: variants.map((v) => ref(v.schemaName)) };
    paths[`/cases/{id}/commands/${command}`] = {
      post: {
        operationId: commandOperationId(command),
        tags: [...new Set(variants.map((v) => v.workflow))],
        summary: variants.length === 1 ? variants[0]!.description : `${command} (${variants.map((v) => v.workflow).join(', ')})`,
        // A command every workflow shares (a correction) is described once.
        description: new Set(variants.map((v) => v.description)).size === 1 && variants.length > 1 ? variants[0]!.description : variants.map((v) => `**${v.workflow}**: ${v.description}`).join('\n\n'),
        parameters: [
          idParam,
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            schema: { type: 'string' },
            description:
              'The revision you saw, e.g. "3": a stale one is a 409, unless all that was recorded since is the SLA scheduler’s clock warnings and breaches (then the command is decided on the current case)',
          },
        ],
        requestBody: {
          // Sent without one, a command has no data ({}): refused naming each required field, recorded with every optional one left out.
          required: false,
          description: 'The command’s data. Without a body it has none, as with {}: a command with a required field is refused naming it (400); one whose fields are all optional is recorded with them left out.',
          content: {
            'application/json': {
              schema,
              examples: Object.fromEntries(variants.map((v) => [v.workflow, { summary: `${v.workflow}: ${v.description}`, value: v.example }])),
            },
          },
        },
        responses: { ...caseResponse(200, 'The case after the command, with the ids it minted', 'CommandResult'), ...errors(400, 401, 403, 404, 409, 413, 415, 422, 429, 503) },
      },
    };
  }

  const responseSchemas: Record<string, JsonSchema> = {};
  addOutputSchema(responseSchemas, 'Error', ErrorBodySchema);
  addOutputSchema(responseSchemas, 'Clock', ClockViewSchema);
  addOutputSchema(responseSchemas, 'CaseView', CaseViewSchema);
  addOutputSchema(responseSchemas, 'CommandResult', CommandResultSchema);
  addOutputSchema(responseSchemas, 'Workflow', WorkflowSchema);
  for (const section of sections) {
    // Sections may add methods to a path another part documents (GET /cases beside POST /cases).
    for (const [path, operations] of Object.entries(section.paths)) {
      paths[path] = { ...(paths[path] as Record<string, unknown> | undefined), ...(operations as Record<string, unknown>) };
    }
    for (const [name, schema] of Object.entries(section.schemas ?? {})) addOutputSchema(responseSchemas, name, schema);
  }

  const tags: OpenApiTag[] = [
    { name: 'cases', description: 'Open cases, read them, list them' },
    ...workflows.map((workflow) => ({ name: workflow.name, description: `${workflow.labels.title.en}: its commands` })),
    { name: 'workflows', description: 'The workflow definitions clients build forms from' },
    { name: 'operations', description: 'Probes, metrics and read-model status' },
    ...sections.flatMap((section) => section.tags ?? []),
  ];

  const codes = [...errorCatalog().values()]
    .map((e) => `| ${e.code} | ${STATUS_BY_KIND[e.kind]} |`)
    .sort()
    .join('\n');

  return {
    openapi: '3.1.0',
    info: {
      title: 'Mend',
      version,
      contact: { name: 'The team that operates this Mend instance' },
      description:
        'Event-sourced workflow engine for restorative engagement lifecycles. Every command is an event; ' +
        'every error is `{code, message, details}` in English or French (Accept-Language). A command that breaks ' +
        'several business rules is refused once with all of them: 422 `COMMAND.RULES_BROKEN`, each rule in `details.rules` ' +
        '(`{code, message}`, in the same language); one broken rule answers with its own code.\n\n' +
        `An instance run on a clock of its own (a drill or a demo: \`MEND_CLOCK_START\`) says its now on every answer ` +
        `in the \`${SERVICE_CLOCK_HEADER}\` header (ISO 8601, UTC): count time left, and send "now", from it. ` +
        'On the system clock the header is not sent.\n\n' +
        `| error code | status |\n|---|---|\n${codes}`,
    },
    servers: [{ url: '/', description: 'This Mend instance: paths are relative to where it serves this document' }],
    security: [{ bearer: [] }],
    tags,
    paths: namesWorkflows(paths, registry.names()),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        ...responseSchemas,
        ...commandSchemas,
      },
    },
  };
}
