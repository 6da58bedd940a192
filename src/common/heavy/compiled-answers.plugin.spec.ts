import { HeaderMap } from '@apollo/server';
import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { AppError, ErrorCode } from '../app-error.js';
import { compiledAnswersPlugin } from './compiled-answers.plugin.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      roleRanking: { type: GraphQLString, resolve: () => 'ranked' },
      refused: { type: GraphQLString, resolve: () => Promise.reject(new AppError(ErrorCode.NOT_FOUND, 'No such role')) },
      broken: { type: GraphQLString, resolve: () => Promise.reject(new Error('a bug')) },
      cheap: { type: GraphQLString, resolve: () => 'cheap' },
    },
  }),
});

async function answer(source: string) {
  const counts: Record<string, number> = {};
  const plugin = compiledAnswersPlugin(
    (formatted, error) =>
      ({
        message: `formatted: ${formatted.message}`,
        extensions: { code: (error as { originalError?: AppError }).originalError?.code },
      }) as GraphQLFormattedError,
    { compiledAnswer: (r) => (counts[r] = (counts[r] ?? 0) + 1) },
    new Set(['roleRanking', 'refused', 'broken']),
  );
  const document = parse(source);
  const listener = await plugin.requestDidStart!({} as never);
  const response = await listener!.responseForOperation!({
    schema,
    document,
    source,
    operation: document.definitions[0] as OperationDefinitionNode,
    operationName: null,
    request: { variables: {}, http: { headers: new HeaderMap() } },
    contextValue: {},
  } as never);
  return { response, counts };
}

describe('compiledAnswersPlugin', () => {
  it('answers a large-answer query compiled', async () => {
    const { response, counts } = await answer('{ roleRanking }');
    expect(response!.body).toEqual({ kind: 'single', singleResult: { data: { roleRanking: 'ranked' } } });
    expect(counts).toEqual({ compiled: 1 });
  });

  it("formats the service's own coded errors with the application's formatter", async () => {
    const { response, counts } = await answer('{ refused }');
    expect(response!.body).toEqual({
      kind: 'single',
      singleResult: { errors: [{ message: 'formatted: No such role', extensions: { code: 'NOT_FOUND' } }], data: { refused: null } },
    });
    expect(counts).toEqual({ compiled: 1 });
  });

  it('leaves any other error, and any query naming another root field, to graphql-js', async () => {
    const broken = await answer('{ broken }');
    expect(broken.response).toBeNull();
    expect(broken.counts).toEqual({ fallback: 1 });
    const mixed = await answer('{ roleRanking cheap }');
    expect(mixed.response).toBeNull();
    expect(mixed.counts).toEqual({});
  });
});
