import { compareFindingOrder, comparePositions, type Severity } from '../engine/finding.js';
import { fileShard, type ShardData } from '../engine/shard.js';
import { UsageError } from '../io.js';
import type { Report, ReportFinding, ReportInputError } from '../report/report.js';

export { fileShard, parseShard, shardOf, type Shard } from './shard.js';

/** docs/report.md order (file, line, rule, period, subject), then column and status: the engine's own comparison. */
const compareReportFindings: (a: ReportFinding, b: ReportFinding) => number = compareFindingOrder;

const compareInputErrors: (a: ReportInputError, b: ReportInputError) => number = comparePositions;

/** Every field, keys sorted: two shards' copies of one organization finding get the same key. */
function identity(item: object): string {
  const fields = item as Record<string, unknown>;
  return Object.keys(fields)
    .sort()
    .map((k) => `${k}\u0001${JSON.stringify(fields[k])}`)
    .join('\u0002');
}

/** A binary min-heap. */
class Heap<E> {
  private items: E[] = [];
  constructor(private readonly before: (a: E, b: E) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(value: E): void {
    const a = this.items;
    a.push(value);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i] as E, a[parent] as E)) break;
      [a[i], a[parent]] = [a[parent] as E, a[i] as E];
      i = parent;
    }
  }
  pop(): E | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    a[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < a.length && this.before(a[l] as E, a[m] as E)) m = l;
      if (r < a.length && this.before(a[r] as E, a[m] as E)) m = r;
      if (m === i) break;
      [a[i], a[m]] = [a[m] as E, a[i] as E];
      i = m;
    }
    return top;
  }
}

interface Head<T> {
  list: number;
  item: T;
  id: number;
  /** The list's move count when queued: an entry from before a later move is stale. */
  moves: number;
}

/**
 * Merges lists that are each a subsequence of one target list, in its order, into that list.
 * An item that several lists hold (same identity, same occurrence) comes out once, when it heads
 * every list holding it; among ready heads the comparator decides, then the earlier list. This
 * rebuilds both the sorted findings and the input errors (setup errors first, then sorted file errors).
 */
export function mergeOrdered<T extends object>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): T[] {
  // Each item becomes a number: its identity and occurrence, shared by the lists that hold it.
  const numbers = new Map<string, number>();
  const ids = lists.map((list) => {
    const seen = new Map<string, number>();
    return list.map((item) => {
      const key = identity(item);
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const name = `${key}\u0000${n}`;
      let id = numbers.get(name);
      if (id === undefined) numbers.set(name, (id = numbers.size));
      return id;
    });
  });
  const holders = new Uint32Array(numbers.size);
  for (const list of ids) for (const id of list) holders[id]!++;
  const pos = lists.map(() => -1);
  const moves = lists.map(() => 0);
  const done = new Uint8Array(numbers.size);
  const heading: number[][] = Array.from({ length: numbers.size }, () => []);
  const heap = new Heap<Head<T>>((a, b) => (compare(a.item, b.item) || a.list - b.list) < 0);
  // Moves list i to its next item not yet out and queues that item.
  const next = (i: number) => {
    const listIds = ids[i] as number[];
    let p = (pos[i] as number) + 1;
    while (p < listIds.length && done[listIds[p] as number] === 1) p++;
    pos[i] = p;
    moves[i] = (moves[i] as number) + 1;
    const id = listIds[p];
    if (id === undefined) return;
    (heading[id] as number[]).push(i);
    heap.push({ list: i, item: (lists[i] as T[])[p] as T, id, moves: moves[i] as number });
  };
  lists.forEach((_, i) => next(i));
  const out: T[] = [];
  const waiting: Head<T>[] = [];
  while (heap.size > 0 || waiting.length > 0) {
    let head = heap.pop();
    if (head && head.moves !== moves[head.list]) continue;
    // A head that another list has yet to reach waits; with nothing ready (lists out of order) the smallest goes.
    if (head && (heading[head.id] as number[]).length !== holders[head.id]) {
      waiting.push(head);
      continue;
    }
    head ??= waiting.shift() as Head<T>;
    if (head.moves !== moves[head.list]) continue;
    done[head.id] = 1;
    out.push(head.item);
    const at = heading[head.id] as number[];
    heading[head.id] = [];
    for (const i of at) next(i);
    for (const w of waiting.splice(0)) if (w.moves === moves[w.list]) heap.push(w);
  }
  return out;
}

/** Reports of one run agree on everything that decides their findings; the first that differs is named. */
function sameRun(reports: readonly Report[], files: readonly string[]): void {
  const first = reports[0] as Report;
  const facets: [string, (r: Report) => string][] = [
    ['tool', (r) => String(r.tool)],
    ['version', (r) => r.version],
    ['lang', (r) => String(r.lang)],
    ['asOf', (r) => r.asOf],
    ['window', (r) => `${r.window.label} ${r.window.from}..${r.window.to}`],
    ['rules', (r) => (r.rules ?? []).join(',')],
  ];
  const name = (i: number) => files[i] ?? `report ${i + 1}`;
  reports.forEach((r, i) => {
    for (const [facet, value] of facets) {
      if (value(r) === value(first)) continue;
      const shown = (v: string) => (facet === 'rules' ? `${v.split(',').filter(Boolean).length} rules` : v);
      const differs = facet === 'rules' ? ` (${ruleDifference(first, r)})` : '';
      throw new UsageError(`${name(i)}: ${facet} ${shown(value(r))}, but ${name(0)} has ${shown(value(first))}${differs}; 不能合并不同检查的报告 (reports of different runs cannot be merged)`);
    }
  });
}

function ruleDifference(a: Report, b: Report): string {
  const mine = new Set(a.rules ?? []);
  const theirs = new Set(b.rules ?? []);
  const only = (x: Set<string>, y: Set<string>) => [...x].filter((id) => !y.has(id));
  return [...only(theirs, mine).map((id) => `+${id}`), ...only(mine, theirs).map((id) => `-${id}`)].slice(0, 5).join(', ');
}

/** Combines shard reports into the report of one unsharded run; reports of different runs are a usage error naming the file. */
export function mergeReports(reports: readonly Report[], files: readonly string[] = []): Report {
  if (reports.length === 0) throw new UsageError('没有要合并的报告 (no reports to merge)');
  sameRun(reports, files);
  const first = reports[0] as Report;
  const findings = mergeOrdered(
    reports.map((r) => r.findings),
    compareReportFindings,
  );
  const inputErrors = mergeOrdered(
    reports.map((r) => r.inputErrors),
    compareInputErrors,
  );
  const skipped = mergeOrdered(
    reports.map((r) => r.skipped ?? []),
    comparePositions,
  );
  const violations: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let pending = 0;
  for (const f of findings) {
    if (f.status === 'violation') violations[f.severity]++;
    else pending++;
  }
  const sum = (pick: (r: Report) => number) => reports.reduce((n, r) => n + pick(r), 0);
  const baselined = reports.some((r) => r.summary.baselined !== undefined) ? { baselined: sum((r) => r.summary.baselined ?? 0) } : {};
  return {
    tool: 'zhibu',
    version: first.version,
    lang: first.lang,
    asOf: first.asOf,
    window: { ...first.window },
    ...(first.config !== undefined ? { config: first.config } : {}),
    rules: [...first.rules],
    summary: {
      files: sum((r) => r.summary.files),
      branches: sum((r) => r.summary.branches),
      violations,
      pending,
      exempted: sum((r) => r.summary.exempted),
      inputErrors: inputErrors.length,
      ...baselined,
    },
    findings,
    inputErrors,
    ...(skipped.length > 0 ? { skipped } : {}),
  };
}

/**
 * A set of shard reports is each shard 1..n exactly once, each holding only its own files'
 * findings and branches, each once: a shard given twice, or a finding or branch copied into
 * another shard (or repeated in one), is a usage error naming the file and the entry.
 */
export function refuseCopies(reports: readonly Report[], files: readonly string[]): ShardData[] {
  const shards = reports.map((r) => r.shard as ShardData);
  const count = shards[0]?.count ?? 0;
  const indices = shards.map((s) => s.index).sort((a, b) => a - b);
  if (shards.some((s) => s.count !== count) || indices.join() !== Array.from({ length: count }, (_, i) => i).join()) {
    throw new UsageError(`分片不完整或重复：得到 ${indices.map((i) => `${i + 1}/${count}`).join(', ')} (every shard 1..${count} exactly once)`);
  }
  reports.forEach((report, k) => {
    const shard = shards[k] as ShardData;
    const name = files[k] ?? `report ${k + 1}`;
    const refuse = (entry: string, why: string) => {
      throw new UsageError(`${name}: ${entry}: ${why}; 分片报告被复制或改动过，请使用 check --shard 写出的原文件 (shard reports copied or edited: merge the files check --shard wrote)`);
    };
    const notMine = (file: string) => fileShard(file, count) !== shard.index;
    const seen = new Set<string>();
    report.findings.forEach((f, i) => {
      if (notMine(f.file)) refuse(`findings[${i}]`, `${f.file} 属于分片 ${fileShard(f.file, count) + 1}/${count} (its file belongs to another shard)`);
      const key = identity(f);
      if (seen.has(key)) refuse(`findings[${i}]`, '与前面的一项相同 (the same finding again)');
      seen.add(key);
    });
    const branches = new Set<string>();
    shard.branches.forEach((b, i) => {
      if (notMine(b.file)) refuse(`shard.branches[${i}]`, `${b.file} 属于分片 ${fileShard(b.file, count) + 1}/${count} (its file belongs to another shard)`);
      const key = `${b.file}\u0000${b.id}`;
      if (branches.has(key)) refuse(`shard.branches[${i}]`, `支部 ${b.id} 重复 (branch ${b.id} again)`);
      branches.add(key);
    });
  });
  return shards;
}
