import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/**
 * Builds a syntactically valid operation for any root field, with placeholder values for its required
 * arguments, so access rules can be exercised field by field without knowing each field's domain.
 */
export function dummyOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const argText = args.length ? `(${args.map((a: GraphQLArgument) => `${a.name}: ${valueFor(a.type)}`).join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `${kind} { ${field.name}${argText}${selection} }`;
}

function valueFor(type: GraphQLInputType, depth = 0): string {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return `[${valueFor(t.ofType, depth + 1)}]`;
  if (isEnumType(t)) return t.getValues()[0].name;
  if (isInputObjectType(t)) {
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${valueFor(f.type, depth + 1)}`).join(', ')} }`;
  }
  switch ((t as { name: string }).name) {
    case 'ID':
      return '"00000000-0000-4000-8000-000000000000"';
    case 'Int':
      return '1';
    case 'Float':
      return '0.5';
    case 'Boolean':
      return 'false';
    case 'Date':
    case 'DateTime':
      return '"2026-01-01T00:00:00.000Z"';
    default:
      return '"x"';
  }
}
