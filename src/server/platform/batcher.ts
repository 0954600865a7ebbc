/**
 * Natural batching: calls made while earlier ones are still being served are handed to `run` together,
 * as one batch. An idle batcher runs a call at once (no added latency); under load the waiting calls
 * pile up and go as one query or one transaction. `maxInFlight: 1` is group commit (the audit chain);
 * more lets independent reads overlap. DataLoader batches per event-loop tick instead, which under
 * HTTP load yields batches of one or two; this waits for the database instead (decision 0014).
 */
export interface BatcherOptions<I, O> {
  /** Serves a batch; returns one result (or one Error) per item, in order. A thrown error fails the batch. */
  run(items: I[]): Promise<Array<O | Error>>;
  /** Batches served at the same time. */
  maxInFlight: number;
  /** Items per batch. */
  maxBatch: number;
  /**
   * What an item weighs (the rows it writes), and the most a batch may weigh: a batch takes items while they
   * fit (always at least one), so a few large items do not make one huge statement. Without it, items count.
   */
  weight?: (item: I) => number;
  maxWeight?: number;
}

export interface Batcher<I, O> {
  submit(item: I): Promise<O>;
  /** Items waiting for a batch (for metrics and tests). */
  readonly waiting: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

export function createBatcher<I, O>(options: BatcherOptions<I, O>): Batcher<I, O> {
  const queue: Array<Pending<I, O>> = [];
  let inFlight = 0;

  /** The next batch: up to `maxBatch` items, and within `maxWeight` where items have a weight. */
  function takeBatch(): Array<Pending<I, O>> {
    const { weight, maxWeight } = options;
    if (!weight || maxWeight === undefined) return queue.splice(0, options.maxBatch);
    let count = 0;
    let total = 0;
    while (count < queue.length && count < options.maxBatch) {
      const next = weight((queue[count] as Pending<I, O>).item);
      if (count > 0 && total + next > maxWeight) break;
      total += next;
      count++;
    }
    return queue.splice(0, count);
  }

  function dispatch(): void {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      inFlight++;
      // The next batch goes out before this one's callers resume: they run synchronously up to writing
      // their answers, and the database works on the next batch meanwhile instead of waiting for that.
      const next = (): void => {
        inFlight--;
        dispatch();
      };
      options.run(batch.map((p) => p.item)).then(
        (results) => {
          next();
          batch.forEach((p, i) => {
            const r = results[i];
            if (r instanceof Error) p.reject(r);
            else if (i >= results.length) p.reject(new Error('batch returned fewer results than items'));
            else p.resolve(r as O);
          });
        },
        (error: unknown) => {
          next();
          batch.forEach((p) => p.reject(error));
        },
      );
    }
  }

  return {
    submit(item: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        dispatch();
      });
    },
    get waiting() {
      return queue.length;
    },
  };
}

/**
 * Lookups by key, batched: the keys waiting together go to `findMany` as one call, and each caller gets
 * the value for its key (undefined when there is none). One batch at a time, so under load the batches
 * grow instead of the connections in use.
 */
export function createKeyedLookup<K, V>(
  findMany: (keys: K[]) => Promise<Map<K, V>>,
  maxBatch = 200,
): (key: K) => Promise<V | undefined> {
  const batcher = createBatcher<K, V | undefined>({
    maxInFlight: 1,
    maxBatch,
    run: async (keys) => {
      const found = await findMany(keys);
      return keys.map((k) => found.get(k));
    },
  });
  return (key) => batcher.submit(key);
}
