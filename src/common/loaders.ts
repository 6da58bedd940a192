import DataLoader from 'dataloader';

/** The part of a request's context that holds its DataLoaders (the access module's RequestContext has it). */
export interface LoaderContext {
  loaders: Map<string, unknown>;
}

const DEFINED = new Set<string>();

/** A per-request loader declared once, with its name, key and value types and its batch function bound together. */
export interface LoaderDefinition<K, V, D> {
  readonly name: string;
  /** This request's loader (created on first use); `deps` are what the batch function reads through. */
  of(ctx: LoaderContext, deps: D): DataLoader<K, V>;
}

/**
 * THE registry of shared DataLoaders: a loader that more than one resolver uses is defined once with this (for
 * example competencyById in competencies/competency.loader.ts), so two fields asking for the same rows share
 * one batch per request. Defining a name twice throws at startup.
 */
export function defineLoader<K, V, D>(name: string, batch: (deps: D, keys: readonly K[]) => Promise<V[]>): LoaderDefinition<K, V, D> {
  if (DEFINED.has(name)) throw new Error(`A DataLoader named ${name} is already defined`);
  DEFINED.add(name);
  return { name, of: (ctx, deps) => loaderFor<K, V>(ctx, name, (keys) => batch(deps, keys)) };
}

/**
 * A per-request DataLoader, created on first use under `name`. The batch function returns rows in any
 * order; `keyOf` groups them back so every key gets its own result in key order.
 */
export function loaderFor<K, V>(ctx: LoaderContext, name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(async (keys) => batch(keys), { maxBatchSize: 1000 });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** Orders grouped rows by key: one array per key (empty when none). */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Orders single rows by key: the row or null. */
export function oneByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}
