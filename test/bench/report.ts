import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DistrictShape } from './district.js';
import type { Stats } from './measure.js';
import type { MixedResult } from './mixed-bench.js';

export interface SizeResult {
  size: number;
  district: DistrictShape;
  measures: Record<string, Stats>;
  /** measure -> the floor it is compared with */
  floors: Record<string, string>;
  memory: { baselineRssMb: number; peakRssMb: number; peakHeapMb: number; peakHeapMbByPath?: Record<string, number> };
  responseBytes: Record<string, number>;
  /** The cheap query against a bare Apollo Server (first size only; see overhead-bench.ts). */
  /** The open-roles query alone and beside 16 ranking clients (isolation-bench.ts). */
  isolation?: {
    rankingClients: number;
    idleP50Ms: number;
    idleP99Ms: number;
    loadedP50Ms: number;
    loadedP99Ms: number;
    cachedP50Ms?: number;
    cachedP99Ms?: number;
    rounds: Array<{ mode?: string; loaded: boolean; rankings: number; busy: number }>;
  };
  /** Mixed traffic on one and on two service processes (mixed-bench.ts). */
  mixed?: MixedResult;
  overhead?: {
    ratio: number;
    cpuRatio?: number;
    connections: number;
    seconds: number;
    pathways: Array<{ requestsPerSec: number; p99Ms: number }>;
    bare: Array<{ requestsPerSec: number; p99Ms: number }>;
  };
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);

export function printTable(results: SizeResult[], log: (line: string) => void): void {
  log('');
  log(
    `${padEnd('size', 8)}${padEnd('measure', 22)}${pad('median ms', 11)}${pad('p95 ms', 10)}${pad('x floor', 9)}${pad('growth', 9)}${pad('data growth', 13)}`,
  );
  results.forEach((r, i) => {
    const prev = results[i - 1];
    for (const [name, s] of Object.entries(r.measures)) {
      const floor = r.floors[name] ? r.measures[r.floors[name]] : undefined;
      const ratio = floor ? (s.medianMs / floor.medianMs).toFixed(2) : '';
      const growth = prev?.measures[name] ? `x${(s.medianMs / prev.measures[name].medianMs).toFixed(2)}` : '';
      const dataGrowth = prev ? `x${(r.district.claims / prev.district.claims).toFixed(2)}` : '';
      log(
        `${padEnd(String(r.size), 8)}${padEnd(name, 22)}${pad(s.medianMs.toFixed(1), 11)}${pad(s.p95Ms.toFixed(1), 10)}${pad(ratio, 9)}${pad(growth, 9)}${pad(dataGrowth, 13)}`,
      );
    }
    log(
      `${padEnd(String(r.size), 8)}memory: baseline rss ${r.memory.baselineRssMb} MB, peak rss ${r.memory.peakRssMb} MB, peak heap ${r.memory.peakHeapMb} MB; ` +
        `district ${r.district.educators} educators, ${r.district.evidence} evidence, ${r.district.claims} claims, ${r.district.roles} open roles, ${r.district.competencies} competencies`,
    );
    if (r.overhead) {
      const med = (xs: Array<{ requestsPerSec: number }>) =>
        [...xs.map((x) => x.requestsPerSec)].sort((a, b) => a - b)[Math.floor(xs.length / 2)].toFixed(0);
      log(
        `${padEnd(String(r.size), 8)}open roles (20, authenticated): Pathways ${med(r.overhead.pathways)} req/s, bare Apollo Server ${med(r.overhead.bare)} req/s: ${r.overhead.ratio}x (by CPU per request: ${r.overhead.cpuRatio ?? '-'}x)`,
      );
    }
    if (r.mixed) {
      const m = r.mixed;
      const run = (x: MixedResult['one']) => `${x.requestsPerSec} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms`;
      log(
        `${padEnd(String(r.size), 8)}mixed traffic (${m.mix}, ${m.connections} connections): one instance ${run(m.one)}; two instances ${run(m.two)}; scaling x${m.scaling}; service processes' peak RSS ${m.instancePeakRssMb.join(' / ')} MB`,
      );
    }
    if (r.isolation) {
      const i = r.isolation;
      const computedRounds = i.rounds.filter((x) => x.loaded && x.mode !== 'cached');
      const computed = computedRounds.reduce((n, x) => n + x.rankings, 0);
      const busy = computedRounds.reduce((n, x) => n + x.busy, 0);
      const cached = i.rounds.filter((x) => x.mode === 'cached').reduce((n, x) => n + x.rankings, 0);
      log(
        `${padEnd(String(r.size), 8)}open roles alone: p50 ${i.idleP50Ms} ms, p99 ${i.idleP99Ms} ms; beside ${i.rankingClients} ranking clients computing afresh: p50 ${i.loadedP50Ms} ms, p99 ${i.loadedP99Ms} ms ` +
          `(${computed} rankings computed, ${busy} BUSY answers)` +
          (i.cachedP99Ms !== undefined && cached
            ? `; beside ${i.rankingClients} clients served from the ranking cache: p50 ${i.cachedP50Ms} ms, p99 ${i.cachedP99Ms} ms (${cached} pages)`
            : ''),
      );
    }
    if (r.memory.peakHeapMbByPath) {
      log(
        `${padEnd(String(r.size), 8)}peak heap by path (MB): ${Object.entries(r.memory.peakHeapMbByPath)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
  });
  log('');
}

const COLORS = ['#1b6ca8', '#e07a1f', '#2e9e44', '#c0392b', '#7d3c98', '#7f8c8d', '#b7950b', '#16a085'];

/** Median time per size on log-log axes, one line per measure. */
export function svgChart(results: SizeResult[]): string {
  const W = 760;
  const H = 440;
  const left = 70;
  const right = 220;
  const top = 40;
  const bottom = 50;
  const names = [...new Set(results.flatMap((r) => Object.keys(r.measures)))];
  const xs = results.map((r) => r.size);
  const ys = results.flatMap((r) => Object.values(r.measures).map((s) => s.medianMs)).filter((v) => v > 0);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const [yMin, yMax] = [Math.pow(10, Math.floor(Math.log10(Math.min(...ys)))), Math.pow(10, Math.ceil(Math.log10(Math.max(...ys))))];
  const x = (v: number) =>
    left + (xMax === xMin ? 0.5 : (Math.log10(v) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin))) * (W - left - right);
  const y = (v: number) =>
    top + (1 - (Math.log10(Math.max(v, yMin)) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - top - bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="22" font-size="15">Pathways matching benchmark: median ms by district size (log-log)</text>`,
  ];
  for (let d = yMin; d <= yMax; d *= 10) {
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${y(d)}" y2="${y(d)}" stroke="#ddd"/><text x="${left - 8}" y="${y(d) + 4}" text-anchor="end">${d}</text>`,
    );
  }
  for (const s of xs) parts.push(`<text x="${x(s)}" y="${H - bottom + 18}" text-anchor="middle">${s.toLocaleString('en-US')}</text>`);
  parts.push(`<text x="${(left + W - right) / 2}" y="${H - 12}" text-anchor="middle">educators</text>`);
  names.forEach((name, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = results.filter((r) => r.measures[name]).map((r) => `${x(r.size)},${y(r.measures[name].medianMs)}`);
    const dashed = name.startsWith('floor') ? ' stroke-dasharray="5,4"' : '';
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2"${dashed} points="${pts.join(' ')}"/>`);
    for (const p of pts) parts.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${color}"/>`);
    parts.push(
      `<line x1="${W - right + 16}" x2="${W - right + 40}" y1="${top + 10 + i * 20}" y2="${top + 10 + i * 20}" stroke="${color}" stroke-width="2"${dashed}/>`,
    );
    parts.push(`<text x="${W - right + 46}" y="${top + 14 + i * 20}">${name}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

const sizeFile = (dir: string, size: number) => join(dir, `matching-bench-${size}.json`);

export function writeSizeResult(dir: string, result: SizeResult & Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(sizeFile(dir, result.size), JSON.stringify(result, null, 2));
}

export function readSizeResult(dir: string, size: number): SizeResult | null {
  try {
    return JSON.parse(readFileSync(sizeFile(dir, size), 'utf8')) as SizeResult;
  } catch {
    return null;
  }
}

export function writeResults(dir: string, results: SizeResult[], meta: Record<string, unknown>): string[] {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'matching-bench.json');
  const svg = join(dir, 'matching-bench.svg');
  writeFileSync(json, JSON.stringify({ ...meta, results }, null, 2));
  writeFileSync(svg, svgChart(results));
  for (const r of results) rmSync(sizeFile(dir, r.size), { force: true });
  return [json, svg];
}
