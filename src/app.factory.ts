import 'reflect-metadata';
import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { PrincipalResolver } from './access/principal.resolver-service.js';
import { largeImportBody } from './case/large-import-body.js';
import { badInput } from './common/app-error.js';
import { describeFailure } from './common/format-error.js';
import { HotReads } from './common/hot-read.js';
import { CheapTraffic } from './common/heavy/cheap-traffic.js';
import { heavyAnswersGate } from './common/heavy/heavy-answers.js';
import { HeavyWorkLimiter } from './common/heavy/heavy-work.js';
import { enforceRequestBudgets, requestBudget } from './database/request-budget.js';
import { operationGuard } from './common/operation-guard.middleware.js';
import { GraphqlPassthroughFilter } from './common/passthrough.filter.js';
import { ConfigError, type AppConfig } from './config/app-config.js';
import { installOperations } from './operations/install.js';
import { createRootLogger, PinoNestLogger } from './operations/logging.js';
import { ServiceMetrics } from './operations/metrics.js';
import { ServiceLifecycle } from './operations/service-lifecycle.js';

export const BODY_LIMIT = '2mb';

/** Builds the HTTP application around an initialised, migrated data source. Used by main and by the tests. */
export async function createApp(
  config: AppConfig,
  dataSource: DataSource,
  options: { logger?: PinoLogger } = {},
): Promise<INestApplication> {
  if (!config.jwtSecret) throw new ConfigError('No token-signing secret: call resolveJwtSecret() before createApp()');
  const logger = new Logger('Pathways');
  const rootLogger = options.logger ?? createRootLogger(config.logLevel);
  const ops = { lifecycle: new ServiceLifecycle(), metrics: new ServiceMetrics(dataSource) };
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, dataSource, (err) => logger.error(typeof err === 'string' ? err : describeFailure(err)), ops),
    { logger: new PinoNestLogger(rootLogger), bodyParser: false },
  );
  installOperations(app, { logger: rootLogger, ...ops });
  app.disable('x-powered-by');
  const tooLarge = (res: Response) =>
    res.status(413).json({ errors: [{ message: `The request body is over ${BODY_LIMIT}`, extensions: { code: 'BAD_USER_INPUT' } }] });
  // Up to CASE_MAX_PACKAGE_BYTES only for an HR account's importCasePackage; everything else keeps BODY_LIMIT.
  const importBody = largeImportBody(2 * 1024 * 1024, app.get(PrincipalResolver), tooLarge);
  app.use(importBody.before);
  app.useBodyParser('json', { limit: Math.max(2 * 1024 * 1024, config.caseMaxPackageBytes + 1024 * 1024) });
  app.use(importBody.after);
  app.use('/graphql', operationGuard(config));
  const cheapTraffic = new CheapTraffic();
  app.get(HeavyWorkLimiter).yieldTo(cheapTraffic, config.heavyYieldMs);
  app.use(
    '/graphql',
    heavyAnswersGate(
      new HeavyWorkLimiter({
        heavyMaxConcurrent: config.heavyAnswersMaxConcurrent,
        heavyMaxQueued: config.heavyAnswersMaxQueued,
        heavyQueueWaitMs: config.heavyQueueWaitMs,
      }).yieldTo(cheapTraffic, config.heavyYieldMs),
      cheapTraffic,
    ),
  );
  const hotPool = app.get(HotReads).pool;
  enforceRequestBudgets(dataSource, ...(hotPool ? [hotPool] : []));
  app.use('/graphql', requestBudget(config.requestTimeoutMs, config.requestDbTimeMs));
  app.use('/charts', requestBudget(config.requestTimeoutMs, config.requestDbTimeMs));
  // Whatever /graphql answers a browser (the landing page included) runs no script and cannot be framed.
  app.use('/graphql', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    next();
  });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  // X-Forwarded-For is believed only from the configured proxies; otherwise the address is the socket's.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  // GraphQL answers are POSTs that no client revalidates: hashing every body for an ETag is pure cost.
  app.set('etag', false);
  app.useGlobalFilters(new GraphqlPassthroughFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => badInput(describe(errors)),
    }),
  );
  // Bodies over the limit or unparseable JSON answer in GraphQL's error shape with a code.
  app.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err?.type === 'entity.too.large') {
      tooLarge(res);
    } else if (err?.type === 'entity.parse.failed') {
      res.status(400).json({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
    } else next(err);
  });
  return app;
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator errors into one readable sentence with field paths. */
function describe(errors: ValidationErrorLike[], prefix = ''): string {
  const parts: string[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    for (const msg of Object.values(e.constraints ?? {}))
      parts.push(msg.startsWith(e.property) ? `${path}${msg.slice(e.property.length)}` : `${path}: ${msg}`);
    if (e.children?.length) parts.push(describe(e.children, path));
  }
  return parts.filter(Boolean).join('; ') || 'The input is invalid';
}
