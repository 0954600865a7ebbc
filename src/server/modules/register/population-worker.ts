/** Worker thread: generates the synthetic population and encodes it in batches, at most two ahead of the writer. */
import { parentPort, workerData } from 'node:worker_threads';
import { encodeBatches, type EncodeOptions } from './population-rows.ts';
import { generatePopulation, type PopulationOptions } from './synthetic-population.ts';

const data = workerData as { population: PopulationOptions } & EncodeOptions;
const port = parentPort;
if (!port) throw new Error('population-worker runs as a worker thread');

let credits = 2;
let wake: (() => void) | undefined;
port.on('message', () => {
  credits++;
  wake?.();
});

for (const batch of encodeBatches(generatePopulation(data.population), data)) {
  while (credits === 0) await new Promise<void>((r) => (wake = r));
  credits--;
  // Transfer the bytes (no copy): the batch is the worker's no longer.
  port.postMessage(
    batch,
    Object.values(batch.tables).map((t) => t.buffer as ArrayBuffer),
  );
}
port.postMessage(null);
port.close();
