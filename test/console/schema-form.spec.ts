import { branchFor, discriminator, initialValue, kindOf, prune, withoutNull, type FieldKind } from '../../console/src/practitioner/schema';
import type { JsonSchema } from '../../console/src/shared/types';
import { workflowDefinitions } from '../../workflows/registry';
import { describeWorkflow } from '../../src/workflows/workflows.controller';

/** Every field kind the form draws for a schema, by dotted path, the way SchemaField walks it. */
function fieldKinds(schema: JsonSchema, path = ''): [string, FieldKind][] {
  const s = withoutNull(schema);
  const kind = kindOf(s);
  switch (kind) {
    case 'object':
      return Object.entries(s.properties ?? {}).flatMap(([key, child]) => fieldKinds(child, path ? `${path}.${key}` : key));
    case 'variants':
      return (s.oneOf ?? s.anyOf ?? []).flatMap((branch) => fieldKinds(branch, path));
    case 'list':
      return [[path, kind], ...fieldKinds(s.items ?? {}, `${path}.0`)];
    default:
      return [[path, kind]];
  }
}

const commands = workflowDefinitions.map((d) => describeWorkflow(d)).flatMap((w) => w.commands.map((c) => ({ workflow: w.name, ...c })));

describe('console forms: every command of every workflow, from GET /workflows', () => {
  it.each(commands.map((c) => [`${c.workflow} ${c.name}`, c] as const))('%s is drawn with real controls, no raw JSON box', (_, command) => {
    const kinds = fieldKinds(command.schema as JsonSchema);
    expect(kinds.filter(([, kind]) => kind === 'json')).toEqual([]);
  });

  it('a discriminated union starts with no kind chosen, on the fields every kind shares, with their defaults', () => {
    const openOptIn = commands.find((c) => c.name === 'ReceiveOptIn')!.schema as JsonSchema;
    expect(discriminator(openOptIn)).toBe('channel');
    expect(initialValue(openOptIn)).toEqual({ region: 'ON', classMember: { pseudonym: false } });
    expect(branchFor(openOptIn, {}).properties?.['channel']).toBeUndefined();
    // Asked of every kind, required by one: optional until that kind is chosen.
    expect(branchFor(openOptIn, {}).required).not.toContain('claimDecisionDate');
    expect(branchFor(openOptIn, { channel: 'writtenRequest' }).required).toContain('claimDecisionDate');
  });

  it('leaves every required yes or no unanswered', () => {
    const reflection = commands.find((c) => c.name === 'RecordReflection')!.schema as JsonSchema;
    expect(initialValue(branchFor(reflection, { goalsMet: 'met' }))).toEqual({ goalsMet: 'met', inputUse: [], stayConnected: {} });
  });

  it('sends no empty text or empty optional object, and keeps false and zero', () => {
    expect(prune({ response: 'Done', nextLevel: { name: '', role: '' }, consent: false, weeks: 0, topics: [] })).toEqual({
      response: 'Done',
      consent: false,
      weeks: 0,
      topics: [],
    });
    expect(prune({})).toBeUndefined();
  });

  it('sends a required group left empty as an empty group, so that the API names each of its missing fields at once', () => {
    const reflection = commands.find((c) => c.name === 'RecordReflection')!.schema as JsonSchema;
    const met = branchFor(reflection, { goalsMet: 'met' });
    expect(prune(initialValue(met), reflection)).toEqual({ goalsMet: 'met', inputUse: [], stayConnected: {} });
    // A group the form may leave out is still left out when untouched.
    const respond = commands.find((c) => c.workflow === 'complaint' && c.name === 'Respond')!.schema as JsonSchema;
    expect(prune({ response: 'Done', nextLevel: { name: '', contact: '' } }, respond)).toEqual({ response: 'Done' });
  });
});
