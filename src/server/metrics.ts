// A small Prometheus registry (counters, gauges, histograms with labels) and its text exposition format 0.0.4.
export type Labels = Readonly<Record<string, string>>;

interface Family {
  name: string;
  help: string;
  type: 'counter' | 'gauge' | 'histogram';
  render(): string[];
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}
export interface Gauge {
  set(value: number, labels?: Labels): void;
}
export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export interface Metrics {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string, collect?: () => number | { labels: Labels; value: number }[]): Gauge;
  histogram(name: string, help: string, buckets: readonly number[]): Histogram;
  /** The whole registry in Prometheus text format. */
  render(): string;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export function createMetrics(): Metrics {
  const families = new Map<string, Family>();
  const add = (f: Family) => {
    if (!NAME.test(f.name)) throw new Error(`invalid metric name ${f.name}`);
    if (families.has(f.name)) throw new Error(`metric ${f.name} registered twice`);
    families.set(f.name, f);
  };
  return {
    counter(name, help) {
      const values = new Map<string, number>();
      add({ name, help, type: 'counter', render: () => [...values].map(([l, v]) => `${name}${l} ${v}`) });
      return {
        inc: (labels = {}, by = 1) => void values.set(labelText(labels), (values.get(labelText(labels)) ?? 0) + by),
      };
    },
    gauge(name, help, collect) {
      const values = new Map<string, number>();
      add({
        name,
        help,
        type: 'gauge',
        render: () => {
          if (collect) {
            const v = collect();
            return typeof v === 'number'
              ? [`${name} ${num(v)}`]
              : v.map((x) => `${name}${labelText(x.labels)} ${num(x.value)}`);
          }
          return [...values].map(([l, v]) => `${name}${l} ${num(v)}`);
        },
      });
      return { set: (value, labels = {}) => void values.set(labelText(labels), value) };
    },
    histogram(name, help, buckets) {
      const sorted = [...buckets].sort((a, b) => a - b);
      const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      add({
        name,
        help,
        type: 'histogram',
        render: () =>
          [...series.values()].flatMap((s) => [
            ...sorted.map((b, i) => `${name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`),
            `${name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`,
            `${name}_sum${labelText(s.labels)} ${num(s.sum)}`,
            `${name}_count${labelText(s.labels)} ${s.count}`,
          ]),
      });
      return {
        observe(value, labels = {}) {
          const key = labelText(labels);
          let s = series.get(key);
          if (!s) series.set(key, (s = { labels, counts: sorted.map(() => 0), sum: 0, count: 0 }));
          for (let i = 0; i < sorted.length; i++) if (value <= sorted[i]) s.counts[i] += 1;
          s.sum += value;
          s.count += 1;
        },
      };
    },
    render() {
      const lines: string[] = [];
      for (const f of families.values()) {
        lines.push(
          `# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
          `# TYPE ${f.name} ${f.type}`,
          ...f.render(),
        );
      }
      return `${lines.join('\n')}\n`;
    },
  };
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function num(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
