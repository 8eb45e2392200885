import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, hashEntry, verifyChain, type ChainedEntry } from './audit.chain.ts';

type Entry = ChainedEntry & { hash: string };

function buildChain(count: number): Entry[] {
  const entries: Entry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const entry: ChainedEntry = {
      orgId: '0190f2c0-0000-7000-8000-000000000001',
      seq,
      id: `0190f2c0-0000-7000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorType: 'user',
      actorId: null,
      actorLabel: 'dana@example.test',
      action: seq % 2 ? 'token.created' : 'member.added',
      targetType: 'token',
      targetId: `t${seq}`,
      beforeDigest: null,
      afterDigest: 'ab'.repeat(32),
      summary: { n: seq },
      requestId: null,
      prevHash,
    };
    const hash = hashEntry(entry);
    entries.push({ ...entry, hash });
    prevHash = hash;
  }
  return entries;
}

const headOf = (entries: Entry[]): { seq: number; hash: string } => ({ seq: entries.length, hash: entries.at(-1)?.hash ?? GENESIS_HASH });

describe('audit hash chain', () => {
  it('verifies an intact chain, including the empty one', async () => {
    const chain = buildChain(20);
    expect(await verifyChain(chain, headOf(chain))).toEqual({ ok: true, count: 20 });
    expect(await verifyChain([], { seq: 0, hash: GENESIS_HASH })).toEqual({ ok: true, count: 0 });
  });

  it('detects an edit of any field of any entry, naming that entry', async () => {
    const chain = buildChain(10);
    const result = await verifyChain(
      chain.map((e) => (e.seq === 6 ? { ...e, actorLabel: 'mallory@example.test' } : e)),
      headOf(chain),
    );
    expect(result).toMatchObject({ ok: false, count: 5, fault: { kind: 'bad-hash', seq: 6, entryId: chain[5]!.id } });
  });

  it('detects a deleted entry in the middle, at the start and at the end', async () => {
    const chain = buildChain(10);
    expect(await verifyChain(chain.filter((e) => e.seq !== 4), headOf(chain))).toMatchObject({ ok: false, fault: { kind: 'gap', expectedSeq: 4 } });
    expect(await verifyChain(chain.slice(1), headOf(chain))).toMatchObject({ ok: false, fault: { kind: 'gap', expectedSeq: 1 } });
    expect(await verifyChain(chain.slice(0, -1), headOf(chain))).toMatchObject({ ok: false, fault: { kind: 'head-mismatch', headSeq: 10, lastSeq: 9 } });
  });

  it('detects reordering even when the seq numbers are rewritten to look contiguous', async () => {
    const chain = buildChain(6);
    const swapped = [chain[0]!, { ...chain[2]!, seq: 2 }, { ...chain[1]!, seq: 3 }, ...chain.slice(3)];
    expect(await verifyChain(swapped, headOf(chain))).toMatchObject({ ok: false, fault: { kind: 'broken-link', seq: 2 } });
  });

  it('detects a re-hashed forgery of one entry through the next link or the head', async () => {
    const chain = buildChain(5);
    const forged = chain.map((e) => ({ ...e }));
    forged[2] = { ...forged[2]!, action: 'member.removed' };
    forged[2]!.hash = hashEntry(forged[2]!);
    expect(await verifyChain(forged, headOf(chain))).toMatchObject({ ok: false, fault: { kind: 'broken-link', seq: 4 } });
  });

  it('rejects any single-field mutation of a random entry (property)', async () => {
    const chain = buildChain(8);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 7 }), fc.constantFrom('actorLabel', 'action', 'targetId', 'afterDigest', 'requestId'), fc.string({ minLength: 1 }), async (index, field, value) => {
        const original = chain[index]![field];
        fc.pre(original !== value);
        const tampered = chain.map((e, i) => (i === index ? { ...e, [field]: value } : e));
        const result = await verifyChain(tampered, headOf(chain));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
