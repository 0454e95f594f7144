import type { AnyStateNodeConfig } from 'xstate';
import { z } from 'zod';
import { createCalendarProvider } from '../../domain/calendar';
import { CLOCK_EVENT_TYPES } from '../../domain/clocks';
import type { DecideContext } from '../../domain/decide-context';
import { errorCatalog } from '../../domain/errors';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import type { CaseState } from '../../domain/workflow';
import { complaintMachine } from './machine';
import { complaintWorkflow } from './index';

const definition = complaintWorkflow;

function example(type: string): Record<string, unknown> {
  const command = definition.commands.find((c) => c.type === type);
  if (!command) throw new Error(`No command ${type}`);
  return { ...command.example };
}

describe('complaint: definition', () => {
  it('is version 1 of the complaint category, opened by ReceiveComplaint', () => {
    expect(definition).toMatchObject({ name: 'complaint', version: 1, category: 'complaint', openingCommand: 'ReceiveComplaint' });
    expect(definition.category).not.toContain('-');
  });

  it.each(definition.commands.map((c) => [c.type, c] as const))('%s: its example parses with its schema', (_type, command) => {
    expect(command.schema.safeParse(command.example).error).toBeUndefined();
  });

  it('records a known event for every command', () => {
    const known = new Set<string>([...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES]);
    for (const command of definition.commands) expect(known).toContain(command.primaryEvent);
  });

  it('has a schema for every event type the machine mentions', () => {
    const mentioned = new Set<string>();
    const visit = (node: AnyStateNodeConfig): void => {
      for (const type of Object.keys(node.on ?? {})) mentioned.add(type);
      for (const child of Object.values(node.states ?? {})) visit(child);
    };
    visit(complaintMachine.config as AnyStateNodeConfig);
    const schemas = new Set<string>([...definition.events.map((e) => e.type), ...CLOCK_EVENT_TYPES]);
    expect([...mentioned].filter((type) => !schemas.has(type))).toEqual([]);
    expect(definition.events.map((e) => e.type).filter((type) => !mentioned.has(type))).toEqual([]);
  });

  it('declares personal data only on string fields, each with a string subject id', () => {
    const at = (schema: z.ZodType, path: string): z.ZodType =>
      path.split('.').reduce<z.ZodType>((current, key) => {
        const inner = current instanceof z.ZodOptional ? (current.unwrap() as z.ZodType) : current;
        if (!(inner instanceof z.ZodObject)) throw new Error(`${path}: ${key} is not inside an object`);
        const field = inner.shape[key] as z.ZodType | undefined;
        if (!field) throw new Error(`${path}: no field ${key}`);
        return field;
      }, schema);
    const isString = (schema: z.ZodType) => (schema instanceof z.ZodOptional ? schema.unwrap() : schema) instanceof z.ZodString;
    const declared = definition.events.flatMap((e) => (e.personalData ?? []).map((group) => [e, group] as const));
    expect(declared.length).toBeGreaterThan(0);
    for (const [event, group] of declared) {
      expect([event.type, group.subject, isString(at(event.schema, group.subject))]).toEqual([event.type, group.subject, true]);
      for (const field of group.fields) expect([event.type, field, isString(at(event.schema, field))]).toEqual([event.type, field, true]);
    }
  });

  it('gives every COMPLAINT error an English and a French sentence', () => {
    const codes = [...errorCatalog().values()].filter((e) => e.code.startsWith('COMPLAINT.'));
    expect(codes.map((e) => e.code).sort()).toEqual([
      'COMPLAINT.ALREADY_ASSIGNED',
      'COMPLAINT.NO_NEXT_LEVEL',
      'COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR',
      'COMPLAINT.RECEIVED_IN_FUTURE',
      'COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL',
      'COMPLAINT.REVIEWER_NOT_INDEPENDENT',
      'COMPLAINT.REVIEW_CHAIN_ENDED',
    ]);
    const params = { level: 2, nextLevel: 3, nextTitle: 'Director', title: 'Manager', handlerId: 'h-1', earlierLevel: 1, receivedAt: 'a', now: 'b' };
    for (const error of codes) {
      const texts = error.texts as { en: (p: object) => string; fr: (p: object) => string };
      expect(texts.en(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toBe(texts.en(params));
    }
  });
});

describe('complaint: every state is reachable with realistic commands', () => {
  const calendars = createCalendarProvider();
  const practitioner: Actor = { id: 'practitioner-1', role: 'practitioner' };
  let ids = 0;

  /** Runs commands one business day apart from the receipt in the ReceiveComplaint example. */
  function walk(...steps: (string | [string, Record<string, unknown>])[]): CaseState {
    let state = initialCaseState(definition);
    steps.forEach((step, index) => {
      const [type, data] = typeof step === 'string' ? [step, example(step)] : step;
      const ctx: DecideContext = {
        now: new Date(Date.parse('2026-03-02T15:00:00Z') + index * 86_400_000),
        actor: practitioner,
        newId: () => `id-${++ids}`,
        calendars,
        settings: DEFAULT_SETTINGS,
      };
      state = processCommand(definition, state, { type, data }, ctx).state;
    });
    return state;
  }

  const toReview = ['ReceiveComplaint', 'AcknowledgeComplaint', 'AssignHandler'];
  const paths: Record<string, CaseState> = {
    new: initialCaseState(definition),
    received: walk('ReceiveComplaint'),
    acknowledged: walk('ReceiveComplaint', 'AcknowledgeComplaint'),
    underReview: walk(...toReview),
    responded: walk(...toReview, 'Respond'),
    reviewRequested: walk(...toReview, 'Respond', 'RequestReview'),
    resolved: walk(...toReview, 'Respond', 'AcceptResponse'),
    closed: walk(...toReview, 'Respond', 'CloseComplaint'),
    withdrawn: walk('ReceiveComplaint', 'WithdrawComplaint'),
  };

  it.each(Object.entries(paths))('reaches %s', (name, state) => {
    expect(stateName(state.snapshot)).toBe(name);
  });

  it('covers every state of the machine', () => {
    expect(Object.keys(complaintMachine.config.states ?? {}).sort()).toEqual(Object.keys(paths).sort());
  });

  it('climbs the whole chain, pausing and resuming a clock on the way, and closes with the reviews exhausted', () => {
    const state = walk(
      ...toReview,
      'PauseClock',
      'ResumeClock',
      'Respond',
      'RequestReview',
      ['AssignHandler', { handlerId: 'manager-2' }],
      'Respond',
      'RequestReview',
      ['AssignHandler', { handlerId: 'director-3' }],
      ['Respond', { response: 'The decision at level 2 stands.' }],
      'CloseComplaint',
    );
    expect(stateName(state.snapshot)).toBe('closed');
    expect(definition.summarize(state).details).toMatchObject({ level: 3, lastLevel: true, reviewsRequested: 2 });
    expect(Object.values(state.clocks).map((c) => [c.clock, c.status])).toEqual([
      ['acknowledgement', 'met'],
      ['response-1', 'met'],
      ['response-2', 'met'],
      ['response-3', 'met'],
    ]);
  });
});
