// Reads that the requests a process serves at the same time share, without reading anything older than they would
// alone. On rush day every request of a worker asks PostgreSQL the same small things (the reference version, its
// session), one statement each; here callers that arrive while such a read is in flight wait for the next one and
// share it, with their keys gathered into one statement. A caller never joins a read already sent: the read it gets
// was sent after it asked, so it sees everything committed before it asked, as its own statement would have.
// At most one read is in flight and one gathering; alone, a caller waits one microtask more than its own statement.

export type ReadMany<K, V> = (keys: K[]) => Promise<Map<K, V>>;

export interface SharedReads<K, V> {
  /** the value of `key` in a read sent after this call (undefined when the read found none) */
  get(key: K): Promise<V | undefined>;
}

export function sharedReads<K, V>(read: ReadMany<K, V>): SharedReads<K, V> {
  /** the read sent and not answered yet */
  let inFlight: Promise<unknown> | null = null;
  /** the callers gathered for the next read, sent when the one in flight is answered */
  let gathering: { keys: Set<K>; answer: Promise<Map<K, V>> } | null = null;

  function gather(): { keys: Set<K>; answer: Promise<Map<K, V>> } {
    const keys = new Set<K>();
    const previous = inFlight;
    const answer = (async () => {
      // one microtask at least, so that the callers of this turn join; then the end of the read in flight
      await (previous ? previous.catch(() => undefined) : undefined);
      gathering = null; // from now on, callers gather for the read after this one
      const sent = read([...keys]);
      inFlight = sent;
      void sent.then(
        () => void (inFlight === sent && (inFlight = null)),
        () => void (inFlight === sent && (inFlight = null)),
      );
      return sent;
    })();
    return { keys, answer };
  }

  return {
    async get(key: K): Promise<V | undefined> {
      gathering ??= gather();
      gathering.keys.add(key);
      return (await gathering.answer).get(key);
    },
  };
}

/**
 * One SharedReads per database object (a process may open several: the tests do, each with its own data), made on
 * first use. Only for a database, never a transaction: a read shared with other requests cannot see a transaction's
 * own writes, and waiting on a pool connection while holding one could wait on itself.
 */
export function sharedReadsPerDatabase<D extends object, K, V>(
  read: (db: D, keys: K[]) => Promise<Map<K, V>>,
): (db: D) => SharedReads<K, V> {
  const perDatabase = new WeakMap<D, SharedReads<K, V>>();
  return (db) => {
    let reads = perDatabase.get(db);
    if (!reads) {
      reads = sharedReads((keys) => read(db, keys));
      perDatabase.set(db, reads);
    }
    return reads;
  };
}
