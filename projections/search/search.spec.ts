import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { searchableWords, searchWords } from './index';

describe('search words', () => {
  it('fold accents and case, and split on anything that is not a letter or a digit', () => {
    expect(searchWords('Émilie Côté-Roy')).toEqual(['emilie', 'cote', 'roy']);
    expect(searchWords('FPS 123456A')).toEqual(['fps', '123456a']);
    expect(searchWords('  Ñandú  ÇA ça ')).toEqual(['nandu', 'ca']);
    expect(searchWords('—')).toEqual([]);
  });

  it('are taken from the fields a workflow declares searchable, each with its subject, and never from an erased field', () => {
    const data = { complainant: { subjectId: 's-1', name: 'Robin Dubé', contact: 'robin@example.org' }, text: 'Secret words' };
    expect(searchableWords(complaintWorkflow, 'ComplaintReceived', data)).toEqual([
      { subject: 's-1', word: 'robin' },
      { subject: 's-1', word: 'dube' },
    ]);
    expect(searchableWords(complaintWorkflow, 'ComplaintReceived', { ...data, complainant: { ...data.complainant, name: '[erased]' } })).toEqual([]);
    expect(searchableWords(complaintWorkflow, 'ComplaintAcknowledged', data)).toEqual([]);
    const referral = { victim: { subjectId: 'v', name: 'Sam' }, offender: { subjectId: 'o', name: 'Jo', fpsNumber: '123A', contact: 'x' } };
    expect(searchableWords(restorativeOpportunitiesWorkflow, 'ReferralReceived', referral)).toEqual([
      { subject: 'v', word: 'sam' },
      { subject: 'o', word: 'jo' },
      { subject: 'o', word: '123a' },
    ]);
  });
});
