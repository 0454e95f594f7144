import { preferredLanguage } from '../../src/http/language';
import { startApp, type RunningApp } from '../support/app';

/**
 * Mend answers in French to a client that prefers French by Accept-Language, and in English
 * otherwise. A tag is French or English by its primary subtag alone (`fr`, `fr-CA`, any case):
 * `frr` is North Frisian, `enm` Middle English, neither of them French or English.
 */
describe('the language an answer is given in', () => {
  it.each<[string | string[] | undefined, 'en' | 'fr']>([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['FR-ca', 'fr'],
    ['en-CA', 'en'],
    ['frr', 'en'],
    ['frr-DE', 'en'],
    ['frm, fro', 'en'],
    ['frr, fr;q=0.5', 'fr'],
    ['enm, fr;q=0.1', 'fr'],
    ['de, fr-CH;q=0.4, en;q=0.3', 'fr'],
    ['en-GB;q=0.9, fr;q=0.8', 'en'],
    ['fr;q=0.5, en;q=0.7', 'en'],
    ['fr;q=0, frr', 'en'],
    [' fr-ca ;q=0.9', 'fr'],
    [['frr', 'fr-CA;q=0.2'], 'fr'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%j: %s', (header, language) => expect(preferredLanguage(header)).toBe(language));

  describe('over HTTP', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startApp();
    });
    afterAll(async () => running.close());

    it('answers North Frisian (frr) in English, and fr-CA in French', async () => {
      const ask = async (acceptLanguage: string) => {
        const response = await fetch(`${running.baseUrl}/cases`, { headers: { 'accept-language': acceptLanguage } });
        const body = (await response.json()) as { code: string; message: string };
        return { status: response.status, language: response.headers.get('content-language'), code: body.code, message: body.message };
      };
      const frisian = await ask('frr');
      expect(frisian).toMatchObject({ status: 401, language: 'en' });
      const french = await ask('fr-CA');
      expect(french).toMatchObject({ status: 401, language: 'fr', code: frisian.code });
      expect(french.message).not.toBe(frisian.message);
    });
  });
});
