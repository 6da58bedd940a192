import { getNamedType, isEnumType, isNonNullType, isObjectType, isScalarType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/**
 * Every field of a type that needs no arguments (or only defaulted ones), recursively to `depth`: a selection
 * that asks for everything a client could see, so comparisons of whole answers miss nothing.
 */
export function fullSelection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isScalarType(named) || isEnumType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 1) {
      const inner = fullSelection(named, depth - 1);
      if (inner) parts.push(`${field.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

/** The full selection of a root query field's result type. */
export function fullSelectionOf(schema: GraphQLSchema, rootField: string, depth = 7): string {
  const field = schema.getQueryType()!.getFields()[rootField];
  const named = getNamedType(field.type);
  return isObjectType(named) ? `{ ${fullSelection(named, depth)} }` : '';
}
