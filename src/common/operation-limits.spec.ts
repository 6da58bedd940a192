import { getIntrospectionQuery, parse } from 'graphql';
import { checkOperationLimits, type OperationLimits } from './operation-limits.js';

const LIMITS: OperationLimits = { maxDepth: 5, maxAliases: 3, maxDirectives: 2, maxFields: 50, maxRepeatedPairs: 10 };
const check = (q: string, limits: Partial<OperationLimits> = {}) => checkOperationLimits(parse(q), { ...LIMITS, ...limits });

/** F0 selects one field; every further fragment spreads the previous one twice: 2^n fields once expanded. */
function fragmentBomb(levels: number): string {
  const defs = ['fragment F0 on Query { viewer { email } }'];
  for (let i = 1; i <= levels; i++) defs.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query { ...F${levels} } ${defs.join(' ')}`;
}

describe('operation limits', () => {
  it('accepts an ordinary operation', () => {
    expect(check('{ viewer { email personas } a: viewer { email } }')).toBeUndefined();
  });

  it('counts depth through fragments, once per fragment', () => {
    const q =
      'query { ...A } fragment A on Query { frameworks { nodes { ...B } } } fragment B on Framework { competencies { levels { level } } }';
    expect(check(q, { maxDepth: 4 })).toBeUndefined();
    expect(check(q, { maxDepth: 3 })).toMatchObject({ limit: 'depth' });
  });

  it("passes the standard introspection query (GraphiQL's) under the default limits, ofType adding no depth", () => {
    const defaults = { maxDepth: 10, maxAliases: 50, maxDirectives: 50, maxFields: 2000, maxRepeatedPairs: 2000 };
    expect(
      check(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }), defaults),
    ).toBeUndefined();
    // Fields that fan out still count: an introspection walk through types and fields is as deep as it looks.
    const walk =
      '{ __schema { types { fields { type { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } } } }';
    expect(check(walk, defaults)).toMatchObject({ limit: 'depth' });
    expect(check('{ __type(name: "Query") { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } }')).toBeUndefined();
  });

  it('refuses a fragment bomb by its expanded size, quickly', () => {
    const started = process.hrtime.bigint();
    expect(check(fragmentBomb(60))).toMatchObject({ limit: 'fields' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });

  it('does not loop on a fragment cycle or an unknown fragment (validation reports those)', () => {
    expect(check('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A viewer { email } }')).toBeUndefined();
    expect(check('query { ...Missing }')).toBeUndefined();
  });

  it('counts aliases and directives as written', () => {
    expect(check('{ a: viewer { email } b: viewer { email } c: viewer { email } d: viewer { email } }')).toMatchObject({
      limit: 'aliases',
    });
    expect(check('{ viewer @include(if: true) { email @skip(if: false) personas @skip(if: false) } }')).toMatchObject({
      limit: 'directives',
    });
  });

  it('counts fields repeated under one response name, fragments merged in', () => {
    expect(check(`{ ${'viewer { email } '.repeat(5)}}`)).toBeUndefined();
    expect(check(`{ ${'viewer { email } '.repeat(6)}}`)).toMatchObject({ limit: 'repeats' });
    const viaFragments = `{ ...A ...B } fragment A on Query { ${'viewer { email } '.repeat(3)}} fragment B on Query { ${'viewer { email } '.repeat(3)}}`;
    expect(check(viaFragments)).toMatchObject({ limit: 'repeats' });
  });
});
