// Reads shared by concurrent requests (lib/shared-reads.ts): callers of one turn share one read, a caller never gets a
// read sent before it asked, and a failed read fails only its own callers.
import { describe, expect, it } from 'vitest';
import { sharedReads, sharedReadsPerDatabase } from '@/lib/shared-reads';

/** A database of one table, read by key; each read is answered when the test says so, with the rows as they were sent. */
function fakeStore() {
  const rows = new Map<string, number>();
  const sent: { keys: string[]; answer: () => void; fail: (error: Error) => void }[] = [];
  const read = (keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      const snapshot = new Map(keys.filter((k) => rows.has(k)).map((k) => [k, rows.get(k)!]));
      sent.push({ keys, answer: () => resolve(snapshot), fail: reject });
    });
  return { rows, sent, read };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('sharedReads', () => {
  it('sends one read for the callers of one turn, with all their keys, and answers each its own', async () => {
    const store = fakeStore();
    store.rows.set('a', 1).set('b', 2);
    const reads = sharedReads(store.read);
    const answers = Promise.all([reads.get('a'), reads.get('b'), reads.get('a'), reads.get('z')]);
    await turn();
    expect(store.sent.map((s) => s.keys)).toEqual([['a', 'b', 'z']]);
    store.sent[0]!.answer();
    expect(await answers).toEqual([1, 2, 1, undefined]);
  });

  it('never answers a caller with a read sent before it asked: it waits for the next one', async () => {
    const store = fakeStore();
    store.rows.set('version', 1);
    const reads = sharedReads(store.read);
    const early = reads.get('version');
    await turn();
    expect(store.sent).toHaveLength(1); // in flight, with the row as it was

    store.rows.set('version', 2); // a write commits while the read is in flight
    const late = [reads.get('version'), reads.get('version')];
    await turn();
    expect(store.sent).toHaveLength(1); // the late callers wait for the read in flight to end

    store.sent[0]!.answer();
    expect(await early).toBe(1);
    await turn();
    expect(store.sent).toHaveLength(2); // one read more for both late callers, sent after they asked
    store.sent[1]!.answer();
    expect(await Promise.all(late)).toEqual([2, 2]);
  });

  it('fails the callers of a failed read only; the next read is sent', async () => {
    const store = fakeStore();
    store.rows.set('a', 1);
    const reads = sharedReads(store.read);
    const failed = reads.get('a');
    await turn();
    const next = reads.get('a');
    store.sent[0]!.fail(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    await turn();
    expect(store.sent).toHaveLength(2);
    store.sent[1]!.answer();
    expect(await next).toBe(1);
  });

  it('keeps one set of shared reads per database object', async () => {
    const asked: string[] = [];
    const per = sharedReadsPerDatabase(async (db: { name: string }, keys: string[]) => {
      asked.push(db.name);
      return new Map(keys.map((k) => [k, `${db.name}:${k}`]));
    });
    const one = { name: 'one' };
    const two = { name: 'two' };
    expect(per(one)).toBe(per(one));
    expect(await Promise.all([per(one).get('k'), per(two).get('k')])).toEqual(['one:k', 'two:k']);
    expect(asked.sort()).toEqual(['one', 'two']);
  });
});
