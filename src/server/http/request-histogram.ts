/**
 * Request durations per method, route and status as a Prometheus histogram. prom-client's Histogram
 * validates and hashes the labels of every observation; this one keeps a series per key and counts into
 * it, which matters on routes that answer in tens of microseconds (decision 0021).
 */

interface Series {
  labels: string;
  /** Per bucket (the last is +Inf), not cumulative; cumulated when exposed. */
  counts: Float64Array;
  sum: number;
  count: number;
}

const escapeLabel = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export class RequestHistogram {
  readonly #series = new Map<string, Series>();
  readonly #name: string;
  readonly #help: string;
  readonly #bounds: readonly number[];

  constructor(name: string, help: string, bounds: readonly number[]) {
    this.#name = name;
    this.#help = help;
    this.#bounds = bounds;
  }

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.#series.get(key);
    if (!series) {
      series = {
        labels: `method="${escapeLabel(method)}",route="${escapeLabel(route)}",status="${status}"`,
        counts: new Float64Array(this.#bounds.length + 1),
        sum: 0,
        count: 0,
      };
      this.#series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.#bounds.length && seconds > (this.#bounds[bucket] as number)) bucket++;
    (series.counts[bucket] as number)++;
    series.sum += seconds;
    series.count++;
  }

  /** The Prometheus text exposition (version 0.0.4) of every series. */
  exposition(): string {
    const lines = [`# HELP ${this.#name} ${this.#help}`, `# TYPE ${this.#name} histogram`];
    for (const s of this.#series.values()) {
      let cumulative = 0;
      this.#bounds.forEach((bound, i) => {
        cumulative += s.counts[i] as number;
        lines.push(`${this.#name}_bucket{le="${bound}",${s.labels}} ${cumulative}`);
      });
      lines.push(
        `${this.#name}_bucket{le="+Inf",${s.labels}} ${s.count}`,
        `${this.#name}_sum{${s.labels}} ${s.sum}`,
        `${this.#name}_count{${s.labels}} ${s.count}`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
