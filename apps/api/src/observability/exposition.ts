/**
 * A small Prometheus registry: counters, gauges and histograms with labels, written in the text
 * exposition format 0.0.4 (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).
 * Label values come from our own code (platform names, step names, DynamoDB operations), never from
 * callers, so the series stay few.
 */
export type Labels<L extends string> = Partial<Record<L, string>>;

interface Family {
  name: string;
  help: string;
  type: "counter" | "gauge" | "histogram";
  write(lines: string[]): void;
}

const escapeHelp = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
const escapeValue = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
const formatNumber = (n: number) =>
  Number.isNaN(n) ? "NaN" : n === Infinity ? "+Inf" : n === -Infinity ? "-Inf" : String(n);

function labelText(names: readonly string[], values: readonly string[], extra = ""): string {
  const parts = names.map((name, i) => `${name}="${escapeValue(values[i] ?? "")}"`);
  if (extra) parts.push(extra);
  return parts.length > 0 ? `{${parts.join(",")}}` : "";
}

/** Series keyed by their label values in the family's label order. */
class Series<V> {
  readonly byKey = new Map<string, { values: string[]; value: V }>();
  constructor(
    private readonly labelNames: readonly string[],
    private readonly initial: () => V,
  ) {}
  get(labels: Record<string, string | undefined> = {}): V {
    const values = this.labelNames.map((name) => labels[name] ?? "");
    const key = values.join("\u0000");
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { values, value: this.initial() };
      this.byKey.set(key, entry);
    }
    return entry.value;
  }
}

export class Counter<L extends string = never> {
  private readonly series: Series<{ n: number }>;
  constructor(
    readonly family: Omit<Family, "write" | "type">,
    private readonly labelNames: readonly L[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ n: 0 }));
  }
  inc(labels?: Labels<L>, by = 1): void {
    if (by < 0 || !Number.isFinite(by)) return;
    this.series.get(labels).n += by;
  }
  /** The current value of one series (tests, the benchmark). */
  value(labels?: Labels<L>): number {
    return this.series.get(labels).n;
  }
  total(): number {
    let sum = 0;
    for (const { value } of this.series.byKey.values()) sum += value.n;
    return sum;
  }
  write(lines: string[]): void {
    for (const { values, value } of this.series.byKey.values())
      lines.push(
        `${this.family.name}${labelText(this.labelNames, values)} ${formatNumber(value.n)}`,
      );
  }
}

export class Gauge<L extends string = never> {
  private readonly series: Series<{ n: number }>;
  constructor(
    readonly family: Omit<Family, "write" | "type">,
    private readonly labelNames: readonly L[] = [],
  ) {
    this.series = new Series(labelNames, () => ({ n: 0 }));
  }
  set(labels: Labels<L> | undefined, value: number): void {
    this.series.get(labels).n = value;
  }
  add(labels: Labels<L> | undefined, by: number): void {
    this.series.get(labels).n += by;
  }
  value(labels?: Labels<L>): number {
    return this.series.get(labels).n;
  }
  write(lines: string[]): void {
    for (const { values, value } of this.series.byKey.values())
      lines.push(
        `${this.family.name}${labelText(this.labelNames, values)} ${formatNumber(value.n)}`,
      );
  }
}

interface HistogramState {
  counts: number[];
  sum: number;
  count: number;
}

export class Histogram<L extends string = never> {
  private readonly series: Series<HistogramState>;
  constructor(
    readonly family: Omit<Family, "write" | "type">,
    private readonly labelNames: readonly L[],
    private readonly buckets: readonly number[],
  ) {
    this.series = new Series(labelNames, () => ({
      counts: buckets.map(() => 0),
      sum: 0,
      count: 0,
    }));
  }
  observe(labels: Labels<L> | undefined, value: number): void {
    if (!Number.isFinite(value)) return;
    const state = this.series.get(labels);
    // Each bucket counts the observations ≤ its bound: cumulative, as the format requires.
    for (let i = 0; i < this.buckets.length; i++) {
      if (value <= (this.buckets[i] ?? Infinity)) state.counts[i] = (state.counts[i] ?? 0) + 1;
    }
    state.sum += value;
    state.count += 1;
  }
  count(labels?: Labels<L>): number {
    return this.series.get(labels).count;
  }
  write(lines: string[]): void {
    const name = this.family.name;
    for (const { values, value } of this.series.byKey.values()) {
      this.buckets.forEach((bound, i) => {
        const le = `le="${formatNumber(bound)}"`;
        lines.push(
          `${name}_bucket${labelText(this.labelNames, values, le)} ${value.counts[i] ?? 0}`,
        );
      });
      lines.push(`${name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${value.count}`);
      lines.push(`${name}_sum${labelText(this.labelNames, values)} ${formatNumber(value.sum)}`);
      lines.push(`${name}_count${labelText(this.labelNames, values)} ${value.count}`);
    }
  }
}

type Metric = Counter<string> | Gauge<string> | Histogram<string>;
const typeOf = (m: Metric) =>
  m instanceof Counter ? "counter" : m instanceof Histogram ? "histogram" : "gauge";

export class Registry {
  private readonly metrics: Metric[] = [];
  private readonly collectors: (() => void | Promise<void>)[] = [];

  add<M extends Metric>(metric: M): M {
    if (this.metrics.some((m) => m.family.name === metric.family.name))
      throw new Error(`metric ${metric.family.name} registered twice`);
    this.metrics.push(metric);
    return metric;
  }

  /** Runs before each exposition: gauges read at scrape time (queue depth, sockets, memory). */
  onCollect(collect: () => void | Promise<void>): void {
    this.collectors.push(collect);
  }

  /** Every registered metric family's name (the dashboard test checks its queries against these). */
  names(): string[] {
    return this.metrics.map((m) => m.family.name);
  }

  async expose(): Promise<string> {
    // A collector that fails (the database is down) leaves its gauges at their last value.
    await Promise.allSettled(this.collectors.map(async (collect) => collect()));
    const lines: string[] = [];
    for (const metric of this.metrics) {
      lines.push(`# HELP ${metric.family.name} ${escapeHelp(metric.family.help)}`);
      lines.push(`# TYPE ${metric.family.name} ${typeOf(metric)}`);
      metric.write(lines);
    }
    return lines.join("\n") + "\n";
  }
}

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
