import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { fieldsSelectedUnder } from './selection.js';

function infoOf(query: string) {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('fieldsSelectedUnder', () => {
  it('collects the fields under a field, through aliases, fragments and inline fragments', () => {
    const info = infoOf(`{ roleRanking(roleId: "r") { totalCount
      nodes { educatorId s: score ...F ... on RankedCandidate { rank } }
      ...G } }
      fragment F on RankedCandidate { qualified ...H }
      fragment H on RankedCandidate { position }
      fragment G on RoleRanking { nodes { summary } }`);
    expect([...fieldsSelectedUnder(info, 'nodes')].sort()).toEqual(['educatorId', 'position', 'qualified', 'rank', 'score', 'summary']);
  });

  it('counts conditional fields as selected, and is empty when the field is not asked for', () => {
    expect([...fieldsSelectedUnder(infoOf(`query($x: Boolean!) { r { nodes { score summary @include(if: $x) } } }`), 'nodes')]).toEqual([
      'score',
      'summary',
    ]);
    expect(fieldsSelectedUnder(infoOf(`{ r { totalCount } }`), 'nodes').size).toBe(0);
  });
});
