import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { GraphQLFormattedError } from 'graphql';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module.js';
import { ALL_PERSONAS } from './access/persona.js';
import { SsoSessions } from './accounts/sso-sessions.service.js';
import { AuditModule } from './audit/audit.module.js';
import { AuditService } from './audit/audit.service.js';
import { formatError } from './common/format-error.js';
import type { RequestContext } from './access/request-context.js';
import type { AppConfig } from './config/app-config.js';
import { ConsoleModule } from './console/console.module.js';
import { consoleLandingPagePlugin } from './console/landing-page.plugin.js';
import { CoreModule } from './database/core.module.js';
import { DOMAIN_MODULES } from './domain-modules.js';
import { HiringRepository } from './hiring/hiring.repository.js';
import { costLimitPlugin, httpStatusPlugin } from './common/graphql-hardening.js';
import { compiledAnswersPlugin } from './common/heavy/compiled-answers.plugin.js';
import { ServiceMetrics } from './operations/metrics.js';
import { OperationsModule } from './operations/operations.module.js';
import { requestObserverPlugin } from './operations/request-observer.plugin.js';
import { ServiceLifecycle } from './operations/service-lifecycle.js';
import { describeRootTypes } from './common/root-type-descriptions.js';

export interface OperationsParts {
  lifecycle: ServiceLifecycle;
  metrics: ServiceMetrics;
}

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    dataSource: DataSource,
    log: (err: unknown) => void,
    ops: OperationsParts = { lifecycle: new ServiceLifecycle(), metrics: new ServiceMetrics(dataSource) },
  ): DynamicModule {
    const production = config.nodeEnv === 'production';
    const appFormatError = (formatted: GraphQLFormattedError, error: unknown) =>
      formatError(formatted, error, log, production, ALL_PERSONAS);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        OperationsModule.forRoot(ops.lifecycle, ops.metrics),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          transformSchema: describeRootTypes,
          playground: false,
          introspection: !production,
          includeStacktraceInErrorResponses: false,
          hideSchemaDetailsFromClientErrors: production,
          csrfPrevention: true,
          // httpStatusPlugin decides the status of executed operations (200, or 503 during an outage).
          preserveHttpStatusForExecutionErrors: false,
          allowBatchedHttpRequests: false,
          context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req, principal: null, loaders: new Map() }),
          formatError: appFormatError,
          // Depth, aliases, directives and expanded size are checked before Apollo by the operation guard
          // (see app.factory.ts); the token cap is repeated here so Apollo's own parse is bounded too.
          parseOptions: { maxTokens: config.maxQueryTokens },
          // Cache hints are unused here and the plugin hooks every resolved field: off, it halves large responses' time.
          // Apollo's own landing pages load from a CDN: this one only points to the bundled console (see ConsoleModule).
          plugins: [
            requestObserverPlugin(),
            costLimitPlugin(config),
            httpStatusPlugin(),
            ...(config.compiledAnswers ? [compiledAnswersPlugin(appFormatError, ops.metrics)] : []),
            ApolloServerPluginCacheControlDisabled(),
            consoleLandingPagePlugin(config.consoleEnabled),
          ],
        }),
        AccessModule.forRoot({ trail: AuditService, panelReach: HiringRepository, sso: SsoSessions }),
        AuditModule,
        ...DOMAIN_MODULES,
        ConsoleModule.forRoot(config),
      ],
    };
  }
}
