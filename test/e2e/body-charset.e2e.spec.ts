import { charsetsOf } from '../../src/http/json-body';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const received = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;

/**
 * JSON is UTF-8 (RFC 8259 §8.1), and Mend reads no other charset: a body whose Content-Type names
 * another is refused (415) naming it, in English and French, rather than read as UTF-8 all the same.
 * UTF-8 named in any case, quoted or not, or no charset at all, is read.
 */
describe('the charset a JSON body is declared in', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor');
  });
  afterAll(async () => running.close());

  const open = (contentType: string, language = 'en-CA') =>
    supervisor.request('POST', '/cases', {
      rawBody: JSON.stringify({ workflow: 'complaint', command: 'ReceiveComplaint', data: received }),
      headers: { 'content-type': contentType, 'accept-language': language },
    });

  it.each([
    ['application/json; charset=latin1', 'latin1'],
    ['application/json; charset=utf-16', 'utf-16'],
    ['application/json;charset="ISO-8859-1"', 'ISO-8859-1'],
    ['Application/JSON; Charset=US-ASCII', 'US-ASCII'],
    ['application/json; charset=utf-8; charset=windows-1252', 'windows-1252'],
  ])('%s: 415 naming %s, in English and French; nothing stored', async (contentType, charset) => {
    const head = await running.store.headPosition();
    const english = await open(contentType);
    const french = await open(contentType, 'fr-CA');
    expect(await running.store.headPosition()).toBe(head);
    expect({ status: english.status, code: english.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_CHARSET' });
    expect({ status: french.status, code: french.body.code }).toEqual({ status: 415, code: 'REQUEST.UNSUPPORTED_CHARSET' });
    expect(english.body.message).toBe(`The body is declared in the charset “${charset}”, which Mend does not read: send it as UTF-8, with charset=utf-8 or no charset at all.`);
    expect(french.body.message).toBe(
      `Le corps est déclaré dans le jeu de caractères «\u00a0${charset}\u00a0», que Mend ne lit pas\u00a0: envoyez-le en UTF-8, avec charset=utf-8 ou sans aucun charset.`,
    );
  });

  it('names a long charset back only in part', async () => {
    const refused = await open(`application/json; charset=${'x'.repeat(500)}`);
    expect(refused.status).toBe(415);
    expect(refused.body.message).toContain(`“${'x'.repeat(40)}…”`);
    expect(refused.body.message.length).toBeLessThan(200);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'application/json; charset=utf8'])('%s: read', async (contentType) => {
    const opened = await open(contentType);
    expect({ status: opened.status, workflow: opened.body.workflow }).toEqual({ status: 201, workflow: 'complaint' });
  });

  it('reads the charset parameter as RFC 9110 spells parameters: any case, quoted or not, never inside another value', () => {
    expect(charsetsOf('application/json')).toEqual([]);
    expect(charsetsOf('application/json; CHARSET = "utf\\-8"')).toEqual(['utf-8']);
    expect(charsetsOf('application/json; foo="a;charset=latin1"')).toEqual([]);
    expect(charsetsOf('application/json; foo="a;charset=latin1"; charset=utf-8')).toEqual(['utf-8']);
  });
});
