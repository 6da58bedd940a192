import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects under `field` of the current result (through fragments, inline fragments
 * and aliases), e.g. which fields of each ranked candidate are asked for. Fields under @include/@skip count as
 * selected whatever their condition: a caller that saves work on fields not asked for errs towards doing it.
 */
export function fieldsSelectedUnder(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, field: string): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, collect: boolean, seen: Set<string>) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        if (collect) out.add(s.name.value);
        else if (s.name.value === field) visit(s.selectionSet, true, seen);
      } else if (s.kind === 'InlineFragment') {
        visit(s.selectionSet, collect, seen);
      } else if (!seen.has(s.name.value)) {
        visit(info.fragments[s.name.value]?.selectionSet, collect, new Set(seen).add(s.name.value));
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, false, new Set());
  return out;
}
