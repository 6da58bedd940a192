import type { CfAssociation, CfItem, CfPackage, CfRubric, Json } from './case-types.js';
import { CaseErrorCode, caseError } from './normalise-package.js';

export interface PlannedLevel {
  level: number;
  label: string;
  descriptor: string;
  identifier: string | null;
}

export interface PlannedNode {
  identifier: string;
  kind: 'grouping' | 'competency';
  item: CfItem;
  /** Identifier of the parent item; null when the node hangs under the CFDocument. */
  parentIdentifier: string | null;
  childOf: CfAssociation | null;
  sortOrder: number;
  levels: PlannedLevel[];
  levelsFromRubric: boolean;
  criterionIdentifier: string | null;
}

export interface PackageStructure {
  nodes: PlannedNode[];
  /** Associations other than each node's hierarchy parent: crosswalks, other types, extra isChildOf parents. */
  associations: CfAssociation[];
  rubricHeader: Json | null;
  rubricIdentifier: string | null;
}

/**
 * Checks what the schema cannot (duplicate identifiers, dangling associations, isChildOf cycles) and decides the
 * shape: an item with children becomes a grouping, a leaf becomes a competency. Levels come from the rubric
 * criterion that points at the item, else from a criterion that points at no item, else from the default scale.
 */
export function structurePackage(pkg: CfPackage, defaultScale: readonly PlannedLevel[]): PackageStructure {
  const docId = pkg.CFDocument.identifier;
  const seen = new Map<string, string>();
  const dupes = new Set<string>();
  const note = (id: string, where: string) => (seen.has(id) ? dupes.add(id) : seen.set(id, where));
  note(docId, '$.CFDocument');
  pkg.CFItems.forEach((i, n) => note(i.identifier, `$.CFItems[${n}]`));
  pkg.CFAssociations.forEach((a, n) => note(a.identifier, `$.CFAssociations[${n}]`));
  for (const r of pkg.CFRubrics ?? []) {
    note(r.identifier, 'rubric');
    for (const c of r.CFRubricCriteria ?? []) {
      note(c.identifier, 'criterion');
      for (const l of c.CFRubricCriterionLevels ?? []) note(l.identifier, 'level');
    }
  }
  if (dupes.size) {
    const ids = [...dupes];
    throw caseError(
      CaseErrorCode.DUPLICATE_IDENTIFIER,
      seen.get(ids[0])!,
      `These identifiers are used more than once: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`,
      ids,
    );
  }

  const items = new Map(pkg.CFItems.map((i) => [i.identifier, i]));
  const inPackage = (id: string) => id === docId || items.has(id);
  const dangling = pkg.CFAssociations.filter((a) =>
    a.associationType === 'isChildOf'
      ? !items.has(a.originNodeURI.identifier) || !inPackage(a.destinationNodeURI.identifier)
      : !inPackage(a.originNodeURI.identifier) && !inPackage(a.destinationNodeURI.identifier),
  );
  if (dangling.length) {
    const ids = dangling.map((a) => a.identifier);
    throw caseError(
      CaseErrorCode.DANGLING_ASSOCIATION,
      `$.CFAssociations[${pkg.CFAssociations.indexOf(dangling[0])}]`,
      `These associations point at items that are not in the package: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`,
      ids,
    );
  }

  const parentOf = new Map<string, CfAssociation>();
  const associations: CfAssociation[] = [];
  for (const a of pkg.CFAssociations) {
    if (a.associationType === 'isChildOf' && !parentOf.has(a.originNodeURI.identifier)) parentOf.set(a.originNodeURI.identifier, a);
    else associations.push(a);
  }
  const cycle = findCycle(
    pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf'),
    docId,
  );
  if (cycle) {
    throw caseError(
      CaseErrorCode.CYCLE,
      '$.CFAssociations',
      `isChildOf associations form a cycle through ${cycle.join(' -> ')}; an item cannot be its own ancestor`,
      cycle,
    );
  }

  const hasChildren = new Set([...parentOf.values()].map((a) => a.destinationNodeURI.identifier));
  const criteria = rubricCriteria(pkg.CFRubrics ?? []);
  const nodes = pkg.CFItems.map((item, index): PlannedNode => {
    const parent = parentOf.get(item.identifier) ?? null;
    const parentId = parent && parent.destinationNodeURI.identifier !== docId ? parent.destinationNodeURI.identifier : null;
    const kind = hasChildren.has(item.identifier) ? 'grouping' : 'competency';
    const criterion = criteria.byItem.get(item.identifier) ?? criteria.general;
    const levels = kind === 'competency' && criterion ? criterion.levels : [...defaultScale];
    return {
      identifier: item.identifier,
      kind,
      item,
      parentIdentifier: parentId,
      childOf: parent,
      // The package's own order, so the framework lists and exports its items as the publisher did.
      sortOrder: index,
      levels: kind === 'competency' ? levels : [],
      levelsFromRubric: kind === 'competency' && !!criterion,
      criterionIdentifier: criteria.byItem.get(item.identifier)?.identifier ?? null,
    };
  });
  const rubric = pkg.CFRubrics?.[0] ?? null;
  const { CFRubricCriteria: _c, identifier: _i, ...rubricHeader } = rubric ?? ({} as CfRubric);
  return { nodes, associations, rubricHeader: rubric ? rubricHeader : null, rubricIdentifier: rubric?.identifier ?? null };
}

function rubricCriteria(rubrics: CfRubric[]) {
  const byItem = new Map<string, { identifier: string; levels: PlannedLevel[] }>();
  let general: { identifier: string; levels: PlannedLevel[] } | null = null;
  for (const r of rubrics) {
    for (const c of r.CFRubricCriteria ?? []) {
      const sorted = [...(c.CFRubricCriterionLevels ?? [])].sort((a, b) => (a.position ?? a.score ?? 0) - (b.position ?? b.score ?? 0));
      if (!sorted.length) continue;
      const levels = sorted.slice(0, 10).map((l, i) => ({
        level: i + 1,
        label: (l.quality || `Level ${i + 1}`).slice(0, 80),
        descriptor: l.description ?? '',
        identifier: l.identifier,
      }));
      const entry = { identifier: c.identifier, levels };
      if (c.CFItemURI) byItem.set(c.CFItemURI.identifier, entry);
      else general ??= entry;
    }
  }
  return { byItem, general };
}

/** The first isChildOf cycle found, as identifiers, or null. */
function findCycle(childOf: CfAssociation[], docId: string): string[] | null {
  const parents = new Map<string, string[]>();
  for (const a of childOf) {
    const list = parents.get(a.originNodeURI.identifier) ?? [];
    list.push(a.destinationNodeURI.identifier);
    parents.set(a.originNodeURI.identifier, list);
  }
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (id === docId) return null;
    const s = state.get(id);
    if (s === 2) return null;
    if (s === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const p of parents.get(id) ?? []) {
      const found = visit(p);
      if (found) return found;
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of parents.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return null;
}
