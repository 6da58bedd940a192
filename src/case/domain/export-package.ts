import type { CfAssociation, CfDocument, CfItem, CfPackage, CfRubric, CfRubricCriterion, LinkUri } from './case-types.js';
import type { FrameworkSnapshot, SnapshotCompetency, SnapshotGrouping } from './framework-snapshot.js';

/** Where a provider's objects live: `${base}/ims/case/v1p1/<kind>/<identifier>`. */
export const providerUri = (baseUrl: string, kind: string, identifier: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/ims/case/v1p1/${kind}/${identifier}`;

/**
 * Builds a CASE 1.1 CFPackage from a framework. Imported parts are written back as received (normalised at import)
 * so a round trip changes nothing; native parts are built from the rows, with URIs under the public base URL.
 * Retired competencies are left out: they take no new claims, and consumers should not align to them. A retired
 * framework keeps its competencies and says "Deprecated" in its CFDocument's adoptionStatus (statusEndDate: the day).
 */
export function exportPackage(s: FrameworkSnapshot, baseUrl: string): CfPackage {
  const when = (d: Date) => d.toISOString();
  const fwChanged = when(s.framework.updatedAt);
  const doc: CfDocument = s.document
    ? { ...(s.document as CfDocument) }
    : {
        identifier: s.framework.caseIdentifier,
        uri: providerUri(baseUrl, 'CFDocuments', s.framework.caseIdentifier),
        creator: s.framework.publisher || 'Pathways',
        title: s.framework.title,
        lastChangeDateTime: fwChanged,
        ...(s.framework.publisher ? { publisher: s.framework.publisher } : {}),
        ...(s.framework.description ? { description: s.framework.description } : {}),
        caseVersion: '1.1',
        adoptionStatus: 'Adopted',
      };
  // A framework HR retired is Deprecated from the day it was retired; importing that package keeps it retired.
  if (s.framework.retiredAt) {
    doc.adoptionStatus = 'Deprecated';
    doc.statusEndDate = s.framework.retiredAt.toISOString().slice(0, 10);
  }
  const docLink: LinkUri = { title: doc.title, identifier: doc.identifier, uri: doc.uri };

  const groupings = [...s.groupings].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name));
  const groupingItems = new Map<string, CfItem>();
  for (const g of groupings) groupingItems.set(g.id, groupingItem(g, baseUrl, fwChanged));
  const byName = new Map<string, SnapshotGrouping>();
  for (const g of groupings) if (!g.item && !byName.has(g.name)) byName.set(g.name, g);

  const competencies = [...s.competencies].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const competencyItems = competencies.map((c) => competencyItem(c, baseUrl));
  const link = (i: CfItem): LinkUri => ({ title: i.fullStatement, identifier: i.identifier, uri: i.uri });

  const associations: CfAssociation[] = [];
  const childOf = (
    identifier: string,
    source: Record<string, unknown> | null,
    child: CfItem,
    parent: LinkUri,
    seq: number,
    changed: string,
  ): CfAssociation =>
    (source as CfAssociation | null) ?? {
      identifier,
      uri: providerUri(baseUrl, 'CFAssociations', identifier),
      associationType: 'isChildOf',
      originNodeURI: link(child),
      destinationNodeURI: parent,
      sequenceNumber: seq,
      lastChangeDateTime: changed,
    };
  // An imported node its package left without a parent stays that way, so a round trip adds nothing.
  for (const g of groupings) {
    if (g.item && !g.childOf) continue;
    const parent = g.parentId && groupingItems.has(g.parentId) ? link(groupingItems.get(g.parentId)!) : docLink;
    associations.push(childOf(g.caseChildOfIdentifier, g.childOf, groupingItems.get(g.id)!, parent, g.sortOrder + 1, fwChanged));
  }
  competencies.forEach((c, i) => {
    if (c.item && !c.childOf) return;
    const grouping = c.groupingId ? groupings.find((g) => g.id === c.groupingId) : c.item ? undefined : byName.get(c.dimension);
    const parent = grouping ? link(groupingItems.get(grouping.id)!) : docLink;
    associations.push(childOf(c.caseChildOfIdentifier, c.childOf, competencyItems[i], parent, c.sortOrder + 1, when(c.updatedAt)));
  });
  for (const a of s.associations) {
    associations.push(
      (a.source as CfAssociation | null) ?? {
        identifier: a.caseIdentifier,
        uri: providerUri(baseUrl, 'CFAssociations', a.caseIdentifier),
        associationType: a.associationType,
        // A competency held here is addressed where it is published now (the base URL may have changed since).
        originNodeURI: {
          title: a.originTitle,
          identifier: a.originIdentifier,
          uri: a.originLinked ? (a.originItemUri ?? providerUri(baseUrl, 'CFItems', a.originIdentifier)) : a.originUri,
        },
        destinationNodeURI: {
          title: a.destinationTitle,
          identifier: a.destinationIdentifier,
          uri: a.destinationLinked ? (a.destinationItemUri ?? providerUri(baseUrl, 'CFItems', a.destinationIdentifier)) : a.destinationUri,
        },
        ...(a.sequenceNumber !== null ? { sequenceNumber: a.sequenceNumber } : {}),
        lastChangeDateTime: when(a.lastChangeAt),
      },
    );
  }

  const pkg: CfPackage = {
    CFDocument: doc,
    CFItems: itemOrder(s, groupings, competencies, groupingItems, competencyItems),
    CFAssociations: associations,
  };
  const rubric = exportRubric(s, competencies, competencyItems, baseUrl, fwChanged);
  if (rubric) pkg.CFRubrics = [rubric];
  return pkg;
}

/** A native framework lists its groupings first; an imported one keeps the package's order (its sort order). */
function itemOrder(
  s: FrameworkSnapshot,
  groupings: SnapshotGrouping[],
  competencies: SnapshotCompetency[],
  groupingItems: Map<string, CfItem>,
  competencyItems: CfItem[],
): CfItem[] {
  const native = [...groupings.map((g) => groupingItems.get(g.id)!), ...competencyItems];
  if (!s.document) return native;
  const ordered = [
    ...groupings.map((g) => ({ order: g.sortOrder, item: groupingItems.get(g.id)! })),
    ...competencies.map((c, i) => ({ order: c.sortOrder, item: competencyItems[i] })),
  ];
  return ordered.sort((a, b) => a.order - b.order).map((x) => x.item);
}

function groupingItem(g: SnapshotGrouping, baseUrl: string, changed: string): CfItem {
  if (g.item) return { ...(g.item as CfItem), identifier: g.caseIdentifier };
  return {
    identifier: g.caseIdentifier,
    uri: providerUri(baseUrl, 'CFItems', g.caseIdentifier),
    fullStatement: g.name,
    ...(g.code ? { humanCodingScheme: g.code } : {}),
    CFItemType: 'Dimension',
    lastChangeDateTime: changed,
  };
}

function competencyItem(c: SnapshotCompetency, baseUrl: string): CfItem {
  if (c.item) return { ...(c.item as CfItem), identifier: c.caseIdentifier };
  return {
    identifier: c.caseIdentifier,
    uri: providerUri(baseUrl, 'CFItems', c.caseIdentifier),
    fullStatement: c.name,
    humanCodingScheme: c.code,
    CFItemType: 'Competency',
    ...(c.description ? { notes: c.description } : {}),
    lastChangeDateTime: c.updatedAt.toISOString(),
  };
}

/** One rubric for the framework: a criterion per competency, its proficiency levels as the criterion's levels. */
function exportRubric(
  s: FrameworkSnapshot,
  competencies: SnapshotCompetency[],
  items: CfItem[],
  baseUrl: string,
  changed: string,
): CfRubric | null {
  if (!competencies.some((c) => c.levels.length)) return null;
  const rubricId = s.framework.caseRubricIdentifier;
  const rubricUri = providerUri(baseUrl, 'CFRubrics', rubricId);
  const header = s.rubric ?? { title: `${s.framework.title}: proficiency levels`, uri: rubricUri, lastChangeDateTime: changed };
  const criteria: CfRubricCriterion[] = competencies.map((c, i) => ({
    identifier: c.caseCriterionIdentifier,
    uri: `${rubricUri}#${c.caseCriterionIdentifier}`,
    category: items[i].humanCodingScheme ?? c.code,
    description: items[i].fullStatement,
    CFItemURI: { title: items[i].fullStatement, identifier: items[i].identifier, uri: items[i].uri },
    position: i + 1,
    rubricId,
    lastChangeDateTime: changed,
    CFRubricCriterionLevels: [...c.levels]
      .sort((a, b) => a.level - b.level)
      .map((l) => ({
        identifier: l.caseIdentifier,
        uri: `${rubricUri}#${l.caseIdentifier}`,
        quality: l.label,
        ...(l.descriptor ? { description: l.descriptor } : {}),
        score: l.level,
        position: l.level,
        rubricCriterionId: c.caseCriterionIdentifier,
        lastChangeDateTime: changed,
      })),
  }));
  return {
    ...header,
    identifier: rubricId,
    uri: (header.uri as string) ?? rubricUri,
    lastChangeDateTime: (header.lastChangeDateTime as string) ?? changed,
    CFRubricCriteria: criteria,
  } as CfRubric;
}
