import { clockKey, declaredClock, declaredPausable, fillClockLabel, type ClockDeclaration } from '../../domain/clocks/declarations';

const acknowledgement: ClockDeclaration = { key: 'acknowledgement', label: { en: 'Acknowledgement', fr: 'Accusé de réception' }, basis: 'business', metBy: ['Acknowledge'] };
const response: ClockDeclaration = { key: 'response-<level>', label: { en: 'Response, level <level>', fr: 'Réponse, palier <level>' }, basis: 'business', metBy: ['Respond'] };
const declared = [acknowledgement, response];

describe('a workflow’s declared clocks', () => {
  it('give one key per value of a pattern’s parts', () => {
    expect(clockKey(response, { level: 3 })).toBe('response-3');
    expect(clockKey(acknowledgement)).toBe('acknowledgement');
    expect(() => clockKey(response)).toThrow('Clock response-<level> needs its level');
    // Several parts, text around them, asked again (the split is kept per key).
    const meeting = { key: 'meeting-<phase>-<number>-held' };
    expect(clockKey(meeting, { phase: 'b', number: 2 })).toBe('meeting-b-2-held');
    expect(clockKey(meeting, { phase: 'c', number: 10 })).toBe('meeting-c-10-held');
    expect(clockKey({ key: '<level>' }, { level: 4 })).toBe('4');
  });

  it('find the declaration of a case’s clock key, with its parts', () => {
    expect(declaredClock(declared, 'response-12')).toEqual({ declaration: response, params: { level: '12' } });
    expect(declaredClock(declared, 'acknowledgement')).toEqual({ declaration: acknowledgement, params: {} });
    expect(declaredClock(declared, 'response-')).toBeUndefined();
    expect(declaredClock(declared, 'response-1-extra')).toBeUndefined();
    expect(declaredClock(declared, 'xacknowledgement')).toBeUndefined();
  });

  it('say which clocks run without a stop: one declared so, not the others, nor a key no declaration names', () => {
    const steady = [{ ...acknowledgement, pausable: false as const }, response];
    expect(declaredPausable(steady, 'acknowledgement')).toBe(false);
    expect(declaredPausable(steady, 'response-2')).toBe(true);
    expect(declaredPausable(steady, 'older-clock')).toBe(true);
    expect(declaredPausable(declared, 'acknowledgement')).toBe(true);
  });

  it('name a clock in either language, its parts filled in from its key', () => {
    const label = (key: string, language: 'en' | 'fr') => {
      const found = declaredClock(declared, key)!;
      return fillClockLabel(found.declaration.label[language], found.params);
    };
    expect(label('response-2', 'fr')).toBe('Réponse, palier 2');
    expect(label('response-2', 'en')).toBe('Response, level 2');
    expect(label('acknowledgement', 'fr')).toBe('Accusé de réception');
    expect(fillClockLabel('Response, level <level>', {})).toBe('Response, level <level>');
  });
});
