import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export interface OperationLimits {
  /**
   * Deepest field nesting below the root fields (a root field selecting only scalars is depth 1), fragments inlined.
   * `ofType` adds no level (see UNCOUNTED_DEPTH).
   */
  maxDepth: number;
  /** Aliased fields written in the document. */
  maxAliases: number;
  /** Directives written in the document. */
  maxDirectives: number;
  /** Fields one execution would select with every fragment spread expanded (list items not multiplied). */
  maxFields: number;
  /**
   * Pairs of fields sharing a response name in one selection set (fragments merged in). GraphQL's own
   * OverlappingFieldsCanBeMerged rule compares every such pair: 1,000 copies of one field cost it ~0.7 s.
   */
  maxRepeatedPairs: number;
}

export type LimitName = 'tokens' | 'depth' | 'aliases' | 'directives' | 'fields' | 'repeats';

export interface LimitBreach {
  limit: LimitName;
  message: string;
}

/**
 * Introspection's `__Type.ofType` unwraps one list or non-null wrapper: one type in, one type out, no fan-out. The
 * standard introspection query that GraphiQL and other clients send nests it 8 deep (14 levels in all), so it
 * does not count toward depth; every field that can fan out (types, fields, args, ...) still does. No field of
 * this schema is named ofType.
 */
const UNCOUNTED_DEPTH = new Set(['ofType']);

interface Measure {
  depth: number;
  fields: number;
  /** How often each response name occurs at this level (fragments and inline fragments merged in). */
  names: Map<string, number>;
}

/**
 * Measures an operation document in one pass over its nodes: each fragment is measured once and the
 * result reused wherever it is spread, so nested fragment spreads cannot make this exponential.
 * A fragment cycle or an unknown fragment is left to GraphQL's own validation (NoFragmentCycles,
 * KnownFragmentNames); here it just counts as empty, so it can never recurse without end.
 */
export function checkOperationLimits(document: DocumentNode, limits: OperationLimits): LimitBreach | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  let aliases = 0;
  let directives = 0;
  let repeatedPairs = 0;
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const EMPTY: Measure = { depth: 0, fields: 0, names: new Map() };
  const merge = (into: Map<string, number>, from: Map<string, number>) => {
    for (const [name, n] of from) into.set(name, (into.get(name) ?? 0) + n);
  };

  const fragment = (name: string): Measure => {
    const known = measured.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || inProgress.has(name)) return EMPTY;
    inProgress.add(name);
    const m = selectionSet(def.selectionSet);
    inProgress.delete(name);
    measured.set(name, m);
    return m;
  };

  // Written-in-document counts (aliases, directives) are taken once per node, not per expansion.
  const selectionSet = (set: SelectionSetNode): Measure => {
    let depth = 0;
    let fields = 0;
    const names = new Map<string, number>();
    for (const sel of set.selections) {
      directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases += 1;
        const child = sel.selectionSet ? selectionSet(sel.selectionSet) : EMPTY;
        depth = Math.max(depth, sel.selectionSet ? (UNCOUNTED_DEPTH.has(sel.name.value) ? 0 : 1) + child.depth : 0);
        fields += 1 + child.fields;
        const name = (sel.alias ?? sel.name).value;
        names.set(name, (names.get(name) ?? 0) + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const child = selectionSet(sel.selectionSet);
        depth = Math.max(depth, child.depth);
        fields += child.fields;
        merge(names, child.names);
      } else {
        const child = fragment(sel.name.value);
        depth = Math.max(depth, child.depth);
        fields += child.fields;
        merge(names, child.names);
      }
    }
    for (const n of names.values()) repeatedPairs += (n * (n - 1)) / 2;
    // Saturate: a fragment bomb's expanded size overflows any integer long before it matters.
    return { depth, fields: Math.min(fields, Number.MAX_SAFE_INTEGER), names };
  };

  let depth = 0;
  let fields = 0;
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      directives += def.directives?.length ?? 0;
      const m = selectionSet(def.selectionSet);
      depth = Math.max(depth, m.depth);
      fields = Math.max(fields, m.fields);
    } else if (def.kind === Kind.FRAGMENT_DEFINITION) {
      directives += def.directives?.length ?? 0;
      fragment(def.name.value);
    }
  }

  if (depth > limits.maxDepth) {
    return {
      limit: 'depth',
      message: `The operation is nested ${depth} levels deep; the limit is ${limits.maxDepth}. Ask for fewer nested levels.`,
    };
  }
  if (aliases > limits.maxAliases) {
    return {
      limit: 'aliases',
      message: `The operation uses ${aliases} aliases; the limit is ${limits.maxAliases}. Split it into several requests.`,
    };
  }
  if (directives > limits.maxDirectives) {
    return { limit: 'directives', message: `The operation uses ${directives} directives; the limit is ${limits.maxDirectives}.` };
  }
  if (fields > limits.maxFields) {
    const shown = fields >= Number.MAX_SAFE_INTEGER ? 'too many' : String(fields);
    return {
      limit: 'fields',
      message: `The operation selects ${shown} fields once its fragments are expanded; the limit is ${limits.maxFields}. Select fewer fields or split the request.`,
    };
  }
  if (repeatedPairs > limits.maxRepeatedPairs) {
    return {
      limit: 'repeats',
      message: `The operation selects the same field many times in one place (${repeatedPairs} overlapping pairs; the limit is ${limits.maxRepeatedPairs}). Select each field once.`,
    };
  }
  return undefined;
}
