import { z } from 'zod';
import { DomainError } from '../../domain/errors';
import { parseInput } from '../../domain/validation';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const exampleOf = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/** The refusal of an input, in English and in French. */
function refusal(schema: z.ZodType, input: unknown, prefix = 'data'): { en: string; fr: string } {
  try {
    parseInput(schema, input, prefix);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    return { en: error.messageIn('en'), fr: error.messageIn('fr') };
  }
  throw new Error('the input was accepted');
}

/**
 * A number out of a field's range is refused once, by the field's own bound: not also by the
 * safe-integer bound `.int()` adds, and not as "not a number" when JSON spells a number too large
 * to hold (`1e400` reads as Infinity).
 */
describe('numbers out of range', () => {
  const Weeks = z.strictObject({ followUpInWeeks: z.number().int().min(1).max(104).optional() });
  const Minutes = z.strictObject({ durationMinutes: z.number().int().min(15).max(480) });

  it('past the safe integers: one sentence, the field’s own bound, in English and French', () => {
    expect(refusal(Weeks, { followUpInWeeks: 9007199254740994 })).toEqual({
      en: 'The input is invalid: data.followUpInWeeks: must be at most 104',
      fr: 'Les données sont invalides\u00a0: data.followUpInWeeks\u00a0: doit être inférieur ou égal à 104',
    });
    expect(refusal(Minutes, { durationMinutes: -9007199254740994 })).toEqual({
      en: 'The input is invalid: data.durationMinutes: must be at least 15',
      fr: 'Les données sont invalides\u00a0: data.durationMinutes\u00a0: doit être supérieur ou égal à 15',
    });
    // Where the safe-integer bound is the only one, it is the one said.
    expect(refusal(z.strictObject({ count: z.number().int().min(0) }), { count: 9007199254740994 }).en).toBe(
      'The input is invalid: data.count: must be at most 9,007,199,254,740,991',
    );
    expect(parseInput(Weeks, { followUpInWeeks: 104 }, 'data')).toEqual({ followUpInWeeks: 104 });
  });

  it('too large for JSON to hold (1e400 reads as Infinity): out of range, by the field’s own bound where it has one', () => {
    expect(JSON.parse('{"durationMinutes":1e400}')).toEqual({ durationMinutes: Infinity });
    expect(refusal(Minutes, JSON.parse('{"durationMinutes":1e400}'))).toEqual({
      en: 'The input is invalid: data.durationMinutes: must be at most 480',
      fr: 'Les données sont invalides\u00a0: data.durationMinutes\u00a0: doit être inférieur ou égal à 480',
    });
    expect(refusal(Minutes, JSON.parse('{"durationMinutes":-1e400}')).en).toBe('The input is invalid: data.durationMinutes: must be at least 15');
    expect(refusal(z.strictObject({ below: z.number().lt(10) }), { below: Infinity }).en).toBe('The input is invalid: data.below: must be less than 10');
    // No bound of its own (a plain number, a number in a list): said to be out of range, never "not a number".
    expect(refusal(z.strictObject({ ratio: z.number() }), { ratio: Infinity })).toEqual({
      en: 'The input is invalid: data.ratio: is out of range (too large to be read as a number)',
      fr: 'Les données sont invalides\u00a0: data.ratio\u00a0: est hors limites (trop grand pour être lu comme un nombre)',
    });
    expect(refusal(z.strictObject({ scores: z.array(z.number().max(5)) }), { scores: [1, -Infinity] })).toEqual({
      en: 'The input is invalid: data.scores.1: is out of range (too far below zero to be read as a number)',
      fr: 'Les données sont invalides\u00a0: data.scores.1\u00a0: est hors limites (trop loin sous zéro pour être lu comme un nombre)',
    });
    // A value of another kind is still named as such.
    expect(refusal(Minutes, { durationMinutes: 'ninety' }).en).toBe('The input is invalid: data.durationMinutes: must be a number, not text');
  });

  describe('over HTTP', () => {
    let running: RunningApp;
    let supervisor: HttpClient;
    beforeAll(async () => {
      running = await startApp({ start: '2026-03-03T15:00:00Z' });
      supervisor = await running.as('supervisor');
    });
    afterAll(async () => running.close());

    const send = (http: HttpClient, path: string, rawBody: string, language: string) =>
      http.request('POST', path, { rawBody, headers: { 'content-type': 'application/json', 'accept-language': language } });

    it('"followUpInWeeks":9007199254740994 is refused by its own bound only, in English and French', async () => {
      const opened = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: exampleOf('restorative-engagement', 'ReceiveOptIn') });
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      expect((await supervisor.post(`/cases/${caseId}/commands/ConfirmParticipation`, exampleOf('restorative-engagement', 'ConfirmParticipation'))).status).toBe(200);
      expect((await supervisor.post(`/cases/${caseId}/commands/AssignPractitioner`, { practitionerIds: ['practitioner-1'] })).status).toBe(200);
      const practitioner = await running.as('practitioner', 'practitioner-1');
      const path = `/cases/${caseId}/commands/CloseEngagement`;
      const english = await send(practitioner, path, '{"followUpInWeeks":9007199254740994}', 'en-CA');
      const french = await send(practitioner, path, '{"followUpInWeeks":9007199254740994}', 'fr-CA');
      expect({ status: english.status, code: english.body.code }).toEqual({ status: 400, code: 'VALIDATION.INVALID_INPUT' });
      expect(english.body.message).toBe('The input is invalid: data.followUpInWeeks: must be at most 104');
      expect(french.body.message).toBe('Les données sont invalides\u00a0: data.followUpInWeeks\u00a0: doit être inférieur ou égal à 104');
      expect(english.body.details.issues).toEqual([{ path: 'data.followUpInWeeks', message: 'must be at most 104' }]);
    });

    it('"durationMinutes":1e400 is out of range, not "not a number", in English and French', async () => {
      const opened = await supervisor.post('/cases', { workflow: 'information-session', command: 'RequestInformationSession', data: exampleOf('information-session', 'RequestInformationSession') });
      expect(opened.status).toBe(201);
      const path = `/cases/${opened.body.caseId}/commands/ScheduleInformationSession`;
      const body = (duration: string) => JSON.stringify(exampleOf('information-session', 'ScheduleInformationSession')).replace('"durationMinutes":90', `"durationMinutes":${duration}`);
      expect(body('1e400')).toContain('"durationMinutes":1e400');
      const english = await send(supervisor, path, body('1e400'), 'en-CA');
      const french = await send(supervisor, path, body('1e400'), 'fr-CA');
      expect({ status: english.status, code: english.body.code }).toEqual({ status: 400, code: 'VALIDATION.INVALID_INPUT' });
      expect(english.body.details.issues).toEqual([{ path: 'data.durationMinutes', message: 'must be at most 480' }]);
      expect(french.body.details.issues).toEqual([{ path: 'data.durationMinutes', message: 'doit être inférieur ou égal à 480' }]);
      expect(french.body.message).not.toContain('nombre');
    });
  });
});
