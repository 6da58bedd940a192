import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The house drawn from the code: every relative import in src/ (type-only imports included, tests excluded) is
 * read with the TypeScript compiler's pre-processor and checked against the layering the README describes.
 * A module may import only modules below it in LAYERS, so imports run one way and no cycle between modules can
 * form. A new top-level folder under src/ must be placed in LAYERS (and in the README's layout section).
 */
const LAYERS = [
  'config', // validated configuration: imports no module
  'common', // errors, paging, loaders, hardening, the guarded HTTP client: imports only config
  'access', // personas, tokens, visibility: only config and common
  'audit',
  'charts', // server-side SVG rendering and chart authorization, used by reports and fairness
  // The domain modules, each on the ones before it.
  'competencies',
  'buildings',
  'educators',
  'notifications',
  'roles',
  'evidence',
  'matching',
  'reports',
  'fairness',
  'hiring',
  'commitments',
  'case',
  'accounts',
  'credentials',
  'imports',
  'rights',
  'leavers',
  'console',
  // Wiring and infrastructure: they may import the modules, never the other way round.
  'database',
  'operations',
  'seed',
  '(root)',
  'scripts',
] as const;

const SRC = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const moduleOf = (file: string): string => {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0] : '(root)';
};

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

/** Every import or re-export from one file of src/ to another, with the modules at both ends. */
function importEdges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({ target: resolve(dirname(file), i.fileName), spec: i.fileName }))
      .filter(({ target }) => !relative(SRC, target).startsWith('..'))
      .map(({ target, spec }) => ({ from: moduleOf(file), to: moduleOf(target), file: relative(SRC, file), spec })),
  );
}

/** Strongly connected components of more than one module (Tarjan): each is an import cycle between modules. */
function moduleCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) if (e.from !== e.to) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('the house, drawn from the code', () => {
  const edges = importEdges();
  const rank = new Map<string, number>(LAYERS.map((m, i) => [m, i]));

  it('reads the imports (the drawing is not empty)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.from === 'matching' && e.to === 'evidence')).toBe(true);
  });

  it('places every module of src/ in the layering', () => {
    const modules = new Set(edges.flatMap((e) => [e.from, e.to]));
    expect([...modules].filter((m) => !rank.has(m)).sort()).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    expect(moduleCycles(edges)).toEqual([]);
  });

  it('runs every import one way: down the layering, never back up', () => {
    const upward = edges
      .filter((e) => e.from !== e.to && rank.has(e.from) && rank.has(e.to) && rank.get(e.to)! > rank.get(e.from)!)
      .map((e) => `${e.from} -> ${e.to} (${e.file} imports ${e.spec})`);
    expect(upward).toEqual([]);
  });

  it('keeps domain/ folders free of the framework and the ORM', () => {
    const offenders = sourceFiles(SRC)
      .filter((f) => relative(SRC, f).split('/').includes('domain'))
      .flatMap((file) =>
        ts
          .preProcessFile(readFileSync(file, 'utf8'), true, true)
          .importedFiles.filter((i) => i.fileName.startsWith('@nestjs/') || i.fileName === 'typeorm')
          .map((i) => `${relative(SRC, file)} imports ${i.fileName}`),
      );
    expect(offenders).toEqual([]);
  });

  it('catches a cycle and an upward import when there is one', () => {
    const fake: Edge[] = [
      { from: 'config', to: 'common', file: 'config/x.ts', spec: '../common/y.js' },
      { from: 'common', to: 'config', file: 'common/y.ts', spec: '../config/x.js' },
    ];
    expect(moduleCycles(fake)).toEqual([['common', 'config']]);
    expect(fake.filter((e) => rank.get(e.to)! > rank.get(e.from)!)).toHaveLength(1);
  });
});
