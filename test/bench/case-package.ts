import { derivedUuid as nameUuid } from '../../src/case/domain/derived-uuid.js';
import type { CfPackage, CfRubricCriterion } from '../../src/case/domain/case-types.js';

/**
 * A CASE 1.1 package of `items` CFItems: groups of 100 (a grouping item per group, the rest competencies under it),
 * isChildOf for the hierarchy, a rubric criterion with four levels per competency, and an isRelatedTo between
 * neighbours every tenth competency. `seed` changes every identifier (a new framework).
 */
export function generatePackage(items: number, seed: string): CfPackage {
  const base = 'https://case.example.org/ims/case/v1p1';
  const when = '2026-01-15T10:00:00Z';
  const id = (n: string) => nameUuid(`${seed}:${n}`);
  const docId = id('doc');
  const doc = {
    identifier: docId,
    uri: `${base}/CFDocuments/${docId}`,
    creator: 'Bench State',
    title: `Generated framework ${seed}`,
    lastChangeDateTime: when,
    caseVersion: '1.1',
  };
  const link = (identifier: string, title: string, kind = 'CFItems') => ({ title, identifier, uri: `${base}/${kind}/${identifier}` });
  const pkg: CfPackage = { CFDocument: doc, CFItems: [], CFAssociations: [], CFRubrics: [] };
  const criteria: CfRubricCriterion[] = [];
  let group = '';
  let groupTitle = '';
  let previous: { identifier: string; title: string } | null = null;
  for (let i = 0; i < items; i++) {
    const identifier = id(`item:${i}`);
    const isGroup = i % 100 === 0;
    const title = isGroup ? `Domain ${i / 100 + 1}` : `Competency ${i}: the educator can apply practice ${i} in context with evidence`;
    pkg.CFItems.push({
      identifier,
      uri: `${base}/CFItems/${identifier}`,
      fullStatement: title,
      humanCodingScheme: isGroup ? `D${i / 100 + 1}` : `D${Math.floor(i / 100) + 1}.${i % 100}`,
      CFItemType: isGroup ? 'Domain' : 'Competency',
      educationLevel: ['09', '10', '11', '12'],
      language: 'en',
      lastChangeDateTime: when,
    });
    const parent = isGroup ? link(docId, doc.title, 'CFDocuments') : link(group, groupTitle);
    const assocId = id(`child:${i}`);
    pkg.CFAssociations.push({
      identifier: assocId,
      uri: `${base}/CFAssociations/${assocId}`,
      associationType: 'isChildOf',
      originNodeURI: link(identifier, title),
      destinationNodeURI: parent,
      sequenceNumber: (i % 100) + 1,
      lastChangeDateTime: when,
    });
    if (isGroup) {
      group = identifier;
      groupTitle = title;
      continue;
    }
    if (previous && i % 10 === 0) {
      const rel = id(`rel:${i}`);
      pkg.CFAssociations.push({
        identifier: rel,
        uri: `${base}/CFAssociations/${rel}`,
        associationType: 'isRelatedTo',
        originNodeURI: link(identifier, title),
        destinationNodeURI: link(previous.identifier, previous.title),
        lastChangeDateTime: when,
      });
    }
    previous = { identifier, title };
    const criterion = id(`criterion:${i}`);
    criteria.push({
      identifier: criterion,
      uri: `${base}/CFRubrics/${id('rubric')}#${criterion}`,
      CFItemURI: link(identifier, title),
      position: criteria.length + 1,
      lastChangeDateTime: when,
      CFRubricCriterionLevels: ['Beginning', 'Developing', 'Proficient', 'Exemplary'].map((quality, l) => {
        const level = id(`level:${i}:${l}`);
        return {
          identifier: level,
          uri: `${base}/CFRubrics/${id('rubric')}#${level}`,
          quality,
          description: `${quality} at practice ${i}`,
          score: l + 1,
          position: l + 1,
          lastChangeDateTime: when,
        };
      }),
    });
  }
  const rubricId = id('rubric');
  pkg.CFRubrics = [
    {
      identifier: rubricId,
      uri: `${base}/CFRubrics/${rubricId}`,
      title: 'Proficiency',
      lastChangeDateTime: when,
      CFRubricCriteria: criteria,
    },
  ];
  return pkg;
}
