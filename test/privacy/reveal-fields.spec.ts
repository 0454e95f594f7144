import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '../../src/event-store/event-store';
import type { KeyStore } from '../../src/privacy/key-store';
import { ERASED, PersonalDataCodec } from '../../src/privacy/personal-data.codec';
import { complaintWorkflow } from '../../workflows/complaint';

/** Keys in memory; `keys` reports which subjects were asked for. */
function memoryKeys(): KeyStore & { asked: string[][] } {
  const keys = new Map<string, Buffer>();
  const asked: string[][] = [];
  return {
    asked,
    key: async (id) => keys.get(id),
    keys: async (ids) => {
      asked.push([...ids]);
      return new Map(ids.flatMap((id) => (keys.has(id) ? [[id, keys.get(id)!] as const] : [])));
    },
    keyFor: async (id) => {
      if (!keys.has(id)) keys.set(id, randomBytes(32));
      return keys.get(id);
    },
    erase: async (id) => ({ hadKey: keys.delete(id), erasedAt: new Date(0) }),
    close: async () => undefined,
  };
}

const stored = (data: unknown): RecordedEvent =>
  ({ id: 'e1', streamId: 'complaint-c1', type: 'ComplaintReceived', data, metadata: {}, revision: 0, position: 1, recordedAt: '2026-03-02T14:00:00.000Z' }) as RecordedEvent;

describe('PersonalDataCodec.revealAll with the fields a reader takes', () => {
  const data = {
    channel: 'email',
    complainant: { subjectId: 's1', name: 'Émilie Côté-Roy', pseudonym: false, contact: 'emilie@example.invalid' },
    text: 'What happened',
    escalationChain: [{ level: 1 }],
  };

  it('opens the fields named, leaves the others sealed and shares what leads to no opened field', async () => {
    const keys = memoryKeys();
    const codec = new PersonalDataCodec(keys);
    const sealed = (await codec.seal(complaintWorkflow, 'ComplaintReceived', data)) as typeof data;
    const [some] = await codec.revealAll([stored(sealed)], () => new Set(['complainant.name']));
    const opened = some!.data as typeof data;
    expect(opened.complainant.name).toBe('Émilie Côté-Roy');
    expect(opened.complainant.contact).toEqual(sealed.complainant.contact);
    expect(opened.text).toEqual(sealed.text);
    expect(opened.escalationChain).toBe(sealed.escalationChain);
    // The redaction a projection's decode applies then hides what stayed sealed.
    expect((codec.redact({ ...some!, data: opened }).data as typeof data).text).toBe('[redacted]');

    const [all] = await codec.revealAll([stored(sealed)]);
    expect(all!.data).toEqual(data);
  });

  it('reads no key for a field left sealed, and an erased subject reads [erased]', async () => {
    const keys = memoryKeys();
    const codec = new PersonalDataCodec(keys);
    const sealed = await codec.seal(complaintWorkflow, 'ComplaintReceived', data);
    expect(await codec.revealAll([stored(sealed)], () => new Set())).toEqual([stored(sealed)]);
    expect(keys.asked).toEqual([]);
    await keys.erase('s1');
    const [erased] = await codec.revealAll([stored(sealed)], () => new Set(['complainant.name']));
    expect((erased!.data as typeof data).complainant.name).toBe(ERASED);
  });
});

describe('PersonalDataCodec.seal', () => {
  it('gives every sealed field an IV of its own, across more fields than one draw of IVs holds', async () => {
    const keys = memoryKeys();
    const codec = new PersonalDataCodec(keys);
    const data = { channel: 'email', complainant: { subjectId: 's1', name: 'Émilie Côté-Roy', pseudonym: false, contact: 'e@example.invalid' }, text: 'What happened', escalationChain: [{ level: 1 }] };
    const ivs = new Set<string>();
    let fields = 0;
    for (let i = 0; i < 1500; i++) {
      const sealed = (await codec.seal(complaintWorkflow, 'ComplaintReceived', { ...data, text: `What happened ${i}` })) as Record<string, unknown>;
      for (const field of [(sealed['complainant'] as Record<string, { iv: string }>)['name']!, sealed['text'] as { iv: string }]) {
        expect(Buffer.from(field.iv, 'base64')).toHaveLength(12);
        ivs.add(field.iv);
        fields++;
      }
      if (i % 500 === 0) expect((await codec.revealAll([stored(sealed)]))[0]!.data).toEqual({ ...data, text: `What happened ${i}` });
    }
    expect(fields).toBe(3000);
    expect(ivs.size).toBe(fields);
  });
});
