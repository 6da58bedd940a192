import 'reflect-metadata';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { describeRootTypes } from '../common/root-type-descriptions.js';

export const SCHEMA_FILE = 'graphql/schema.graphql';

const HEADER = '# Generated from the code-first resolvers by `npm run schema:print`. Do not edit by hand.\n\n';

/**
 * Builds the schema the service serves without a database, an HTTP server or any provider instance:
 * every provider class reachable from the real AppModule (so each module in DOMAIN_MODULES is picked
 * up automatically) goes to Nest's GraphQLSchemaFactory, exactly as GraphQLModule hands it its
 * providers at boot. Nothing is instantiated, so providers that use the database when constructed
 * do not matter. The drift test also compares this with the schema a booted application serves.
 */
export async function buildServedSchema(): Promise<GraphQLSchema> {
  // A fixed environment, so the schema never depends on the caller's configuration.
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false', DATABASE_URL: 'postgres://schema-only@127.0.0.1:1/never-connected' });
  const root = AppModule.forRoot(config, createDataSource(config.databaseUrl!), () => undefined);
  const classes = await providerClasses(root);
  const ctx = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return describeRootTypes(await ctx.get(GraphQLSchemaFactory).create(classes));
  } finally {
    await ctx.close();
  }
}

type ModuleLike = Type<unknown> | DynamicModule | Promise<DynamicModule> | { forwardRef: () => ModuleLike };

/** Walks a module tree (static, dynamic and forward-referenced imports) and lists its class providers. */
export async function providerClasses(root: ModuleLike): Promise<Array<Type<unknown>>> {
  const seen = new Set<unknown>();
  const classes = new Set<Type<unknown>>();
  const addProvider = (p: Provider) => {
    if (typeof p === 'function') classes.add(p);
    else if (p && 'useClass' in p && p.useClass) classes.add(p.useClass);
  };
  const visit = async (entry: ModuleLike | undefined): Promise<void> => {
    const m = await entry;
    if (!m || seen.has(m)) return;
    seen.add(m);
    if (typeof m === 'object' && 'forwardRef' in m) return visit(m.forwardRef());
    if (typeof m === 'object' && 'module' in m) {
      (m.providers ?? []).forEach(addProvider);
      for (const i of m.imports ?? []) await visit(i as ModuleLike);
      return visit(m.module);
    }
    ((Reflect.getMetadata('providers', m) ?? []) as Provider[]).forEach(addProvider);
    for (const i of (Reflect.getMetadata('imports', m) ?? []) as ModuleLike[]) await visit(i);
  };
  await visit(root);
  return [...classes];
}

/** The committed form: sorted SDL with a header line. */
export async function generateSchemaSdl(): Promise<string> {
  return `${HEADER}${printSchema(lexicographicSortSchema(await buildServedSchema()))}\n`;
}
