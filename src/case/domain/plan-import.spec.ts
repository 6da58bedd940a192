import { readFileSync } from 'node:fs';
import { AppError } from '../../common/app-error.js';
import { DEFAULT_SCALE } from './default-scale.js';
import { normalisePackage } from './normalise-package.js';
import { structurePackage } from './plan-import.js';

const smart = () =>
  JSON.parse(readFileSync(new URL('../../../test/fixtures/case/opensalt-SmartLevelFramework.json', import.meta.url), 'utf8'));
const structure = (p: unknown) => structurePackage(normalisePackage(JSON.stringify(p), 1 << 20).pkg, DEFAULT_SCALE);

describe('structurePackage', () => {
  it('makes items with children groupings and leaves competencies on the default scale when there is no rubric', () => {
    const s = structure(smart());
    const groupings = s.nodes.filter((n) => n.kind === 'grouping').map((n) => n.item.fullStatement);
    expect(groupings).toEqual(['Item 1', 'Item 2']);
    const leaf = s.nodes.find((n) => n.item.fullStatement === 'Item 1.1')!;
    expect(leaf).toMatchObject({ kind: 'competency', parentIdentifier: '00000000-0000-0000-0000-000000000001', levelsFromRubric: false });
    expect(leaf.levels.map((l) => l.label)).toEqual(DEFAULT_SCALE.map((l) => l.label));
  });

  it('takes levels from the rubric criterion that points at the item, ordered by position', () => {
    const p = smart();
    const item = p.CFItems.find((i: { fullStatement: string }) => i.fullStatement === 'Item 1.1');
    p.CFRubrics = [
      {
        identifier: 'f0000000-0000-4000-8000-000000000001',
        uri: 'https://x.example/r',
        lastChangeDateTime: '2020-01-01T00:00:00Z',
        CFRubricCriteria: [
          {
            identifier: 'f0000000-0000-4000-8000-000000000002',
            uri: 'https://x.example/c',
            lastChangeDateTime: '2020-01-01T00:00:00Z',
            CFItemURI: { title: 'Item 1.1', identifier: item.identifier, uri: item.uri },
            CFRubricCriterionLevels: [
              {
                identifier: 'f0000000-0000-4000-8000-000000000004',
                uri: 'https://x.example/l2',
                lastChangeDateTime: '2020-01-01T00:00:00Z',
                quality: 'Secure',
                position: 2,
              },
              {
                identifier: 'f0000000-0000-4000-8000-000000000003',
                uri: 'https://x.example/l1',
                lastChangeDateTime: '2020-01-01T00:00:00Z',
                quality: 'Emerging',
                position: 1,
              },
            ],
          },
        ],
      },
    ];
    const leaf = structure(p).nodes.find((n) => n.identifier === item.identifier)!;
    expect(leaf.levelsFromRubric).toBe(true);
    expect(leaf.levels).toEqual([
      { level: 1, label: 'Emerging', descriptor: '', identifier: 'f0000000-0000-4000-8000-000000000003' },
      { level: 2, label: 'Secure', descriptor: '', identifier: 'f0000000-0000-4000-8000-000000000004' },
    ]);
  });

  it('names every identifier of an isChildOf cycle', () => {
    const p = smart();
    // Item 1 becomes a child of its own child Item 1.1.
    const a = p.CFAssociations.find((x: any) => x.originNodeURI.identifier === '00000000-0000-0000-0000-000000000001');
    a.destinationNodeURI = { title: 'Item 1.1', identifier: '00000000-0000-0000-0000-000000000003', uri: 'https://server/x' };
    try {
      structure(p);
      throw new Error('expected a refusal');
    } catch (e) {
      expect((e as AppError).details).toMatchObject({ caseCode: 'CASE_CYCLE' });
      expect(((e as AppError).details!.identifiers as string[]).sort()).toEqual([
        '00000000-0000-0000-0000-000000000001',
        '00000000-0000-0000-0000-000000000001',
        '00000000-0000-0000-0000-000000000003',
      ]);
    }
  });
});
