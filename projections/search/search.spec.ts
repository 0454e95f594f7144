import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { searchableFields, searchWords } from './index';

describe('search words', () => {
  it('fold accents and case, and split on anything that is not a letter or a digit', () => {
    expect(searchWords('Émilie Côté-Roy')).toEqual(['emilie', 'cote', 'roy']);
    expect(searchWords('FPS 123456A')).toEqual(['fps', '123456a']);
    expect(searchWords('  Ñandú  ÇA ça ')).toEqual(['nandu', 'ca']);
    expect(searchWords('—')).toEqual([]);
  });

  it('spell out the ligatures a name is typed without, whatever the case', () => {
    expect(searchWords('Éloïse D’Amour-Côté Lœuvre')).toEqual(['eloise', 'd', 'amour', 'cote', 'loeuvre']);
    expect(searchWords('LŒUVRE Æsa Łukasz Søren')).toEqual(['loeuvre', 'aesa', 'lukasz', 'soren']);
    expect(searchWords('loeuvre')).toEqual(searchWords('lœuvre'));
  });

  it('are taken from the fields a workflow declares searchable, each with its subject and field, and never from an erased field', () => {
    const data = { complainant: { subjectId: 's-1', name: 'Robin Dubé', contact: 'robin@example.org' }, text: 'Secret words' };
    expect(searchableFields(complaintWorkflow, 'ComplaintReceived', data)).toEqual([{ subject: 's-1', field: 'name', words: ['robin', 'dube'], replaces: false }]);
    expect(searchableFields(complaintWorkflow, 'ComplaintReceived', { ...data, complainant: { ...data.complainant, name: '[erased]' } })).toEqual([]);
    expect(searchableFields(complaintWorkflow, 'ComplaintAcknowledged', data)).toEqual([]);
    const referral = { victim: { subjectId: 'v', name: 'Sam' }, offender: { subjectId: 'o', name: 'Jo', fpsNumber: '123A', contact: 'x' } };
    expect(searchableFields(restorativeOpportunitiesWorkflow, 'ReferralReceived', referral)).toEqual([
      { subject: 'v', field: 'name', words: ['sam'], replaces: false },
      { subject: 'o', field: 'name', words: ['jo'], replaces: false },
      { subject: 'o', field: 'fpsNumber', words: ['123a'], replaces: false },
    ]);
  });

  it('of a correction replace those of the fields it changes, in the person’s own record’s terms; a field removed leaves none', () => {
    const correction = (changes: Record<string, unknown>) => searchableFields(restorativeOpportunitiesWorkflow, 'PersonalInformationCorrected', { subjectId: 'o', changes, reason: 'Recorded wrong' });
    expect(correction({ name: 'Jo Tremblay', fpsNumber: null })).toEqual([
      { subject: 'o', field: 'name', words: ['jo', 'tremblay'], replaces: true },
      { subject: 'o', field: 'fpsNumber', words: [], replaces: true },
    ]);
    // A field the correction does not name keeps its words.
    expect(correction({ contact: '613-555-0199' })).toEqual([]);
  });
});
