import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, parse, printSchema, validate, type GraphQLSchema } from 'graphql';
import { buildServedSchema, generateSchemaSdl } from '../../src/scripts/schema-sdl.js';
import { startTestApp } from '../support/test-app.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The first few lines that differ, so the failure says what drifted. */
function lineDiff(committed: string, generated: string, max = 12): string {
  const a = new Set(committed.split('\n'));
  const b = new Set(generated.split('\n'));
  const removed = [...a].filter((l) => !b.has(l) && l.trim()).map((l) => `- ${l}`);
  const added = [...b].filter((l) => !a.has(l) && l.trim()).map((l) => `+ ${l}`);
  const lines = [...removed, ...added];
  return lines.slice(0, max).join('\n') + (lines.length > max ? `\n... and ${lines.length - max} more` : '');
}

describe('the committed GraphQL schema (graphql/schema.graphql)', () => {
  let generated: string;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildServedSchema();
    generated = await generateSchemaSdl();
  });

  it('matches what the code generates', () => {
    let committed: string;
    try {
      committed = readFileSync(root('graphql/schema.graphql'), 'utf8');
    } catch {
      throw new Error('graphql/schema.graphql is missing: run npm run schema:print and commit it');
    }
    if (committed !== generated) {
      throw new Error(
        `graphql/schema.graphql is out of date with the resolvers: run npm run schema:print and commit the result.\n` +
          lineDiff(committed, generated),
      );
    }
  });

  it('is the schema a booted application serves (the generator misses no module)', async () => {
    const t = await startTestApp();
    try {
      const served = printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema));
      expect(printSchema(lexicographicSortSchema(schema))).toEqual(served);
    } finally {
      await t.close();
    }
  });

  describe('example operations in graphql/examples', () => {
    const dir = root('graphql/examples');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort();

    it('exist', () => {
      expect(files.length).toBeGreaterThanOrEqual(4);
    });

    it.each(files)('%s parses and validates against the schema', (file) => {
      const errors = validate(schema, parse(readFileSync(`${dir}/${file}`, 'utf8')));
      expect(errors.map((e) => e.message)).toEqual([]);
    });
  });
});
