import { PersonRole } from '../../domain/roles';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { workflowDefinitions } from '../../workflows/registry';
import { isStringAt, knownEventTypes, machineEventTypes, machineStates, reachableStates } from './conformance';

/**
 * One conformance spec (STYLE.md): every structural invariant, over every registered workflow at
 * every version. A workflow's own specs say how it behaves; this one says it is well formed.
 */
export function conformanceSpec(definitions: readonly AnyWorkflowDefinition[]): void {
  describe.each(definitions.map((d) => [`${d.name} v${d.version}`, d] as const))('%s', (_label, definition) => {
    it('is named in kebab-case, in a stream category without a hyphen, at a positive version', () => {
      expect(definition.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(definition.category).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(Number.isInteger(definition.version) && definition.version > 0).toBe(true);
    });

    it('opens cases with one of its commands, and names commands in PascalCase once each', () => {
      const types = definition.commands.map((c) => c.type);
      expect(types).toContain(definition.openingCommand);
      expect(new Set(types).size).toBe(types.length);
      for (const type of types) expect(type).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    });

    it.each(definition.commands.map((c) => [c.type, c] as const))('%s: its example is valid against its schema', (_type, command) => {
      expect(command.schema.safeParse(command.example).error).toBeUndefined();
    });

    it('records a known event for every command', () => {
      const known = knownEventTypes(definition);
      expect(definition.commands.filter((c) => !known.has(c.primaryEvent)).map((c) => c.type)).toEqual([]);
    });

    it('has a schema for every event its machine names, and its machine names every event it has a schema for', () => {
      const mentioned = machineEventTypes(definition);
      const known = knownEventTypes(definition);
      expect([...mentioned].filter((type) => !known.has(type))).toEqual([]);
      expect(definition.events.map((e) => e.type).filter((type) => !mentioned.has(type))).toEqual([]);
    });

    it('grants every command to at least one role, and names only roles a person can hold', () => {
      const ungranted = definition.commands.filter((c) => !c.grants || Object.keys(c.grants).length === 0).map((c) => c.type);
      expect(ungranted).toEqual([]);
      for (const command of definition.commands) {
        for (const [role, grant] of Object.entries(command.grants ?? {})) {
          expect([command.type, PersonRole.safeParse(role).success, ['any', 'assigned'].includes(grant)]).toEqual([command.type, true, true]);
        }
      }
    });

    it('says, for every role, how much of its cases the role may read', () => {
      expect(Object.keys(definition.readScope).sort()).toEqual([...PersonRole.options].sort());
      for (const scope of Object.values(definition.readScope)) expect(['all', 'assigned', 'denied', 'hidden']).toContain(scope);
    });

    it('lets the roles granted a command on a case read that case', () => {
      for (const command of definition.commands) {
        for (const role of Object.keys(command.grants ?? {}) as PersonRole[]) {
          expect([command.type, role, ['all', 'assigned'].includes(definition.readScope[role])]).toEqual([command.type, role, true]);
        }
      }
    });

    it('declares personal data only on string fields, each with a string subject id', () => {
      for (const event of definition.events) {
        for (const group of event.personalData ?? []) {
          expect([event.type, group.subject, isStringAt(event.schema, group.subject)]).toEqual([event.type, group.subject, true]);
          for (const field of group.fields) expect([event.type, field, isStringAt(event.schema, field)]).toEqual([event.type, field, true]);
        }
      }
    });

    it('names itself, every state and every command in English and in French, and labels nothing else', () => {
      const { labels } = definition;
      const bilingual = (text: { en?: string; fr?: string } | undefined) => Boolean(text?.en?.trim() && text.fr?.trim());
      expect([bilingual(labels.title), bilingual(labels.description)]).toEqual([true, true]);
      const states = machineStates(definition);
      expect(states.filter((state) => !bilingual(labels.states[state]))).toEqual([]);
      expect(Object.keys(labels.states).filter((state) => !states.includes(state))).toEqual([]);
      const commands = definition.commands.map((c) => c.type);
      expect(commands.filter((command) => !bilingual(labels.commands[command]))).toEqual([]);
      expect(Object.keys(labels.commands).filter((command) => !commands.includes(command))).toEqual([]);
    });

    it('reaches every state of its machine', () => {
      const reached = reachableStates(definition);
      expect(machineStates(definition).filter((state) => !reached.has(state))).toEqual([]);
    });
  });
}

describe('every registered workflow conforms', () => {
  conformanceSpec(workflowDefinitions);
});
