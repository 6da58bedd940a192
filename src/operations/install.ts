import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestLogger } from './logging.js';
import type { ServiceMetrics } from './metrics.js';
import type { ServiceLifecycle } from './service-lifecycle.js';

/** HTTP-level pieces that run before any route: request log, metrics, and connection hand-off while draining. */
export function installOperations(
  app: INestApplication,
  deps: { logger: Logger; metrics: ServiceMetrics; lifecycle: ServiceLifecycle },
): void {
  app.use(requestLogger(deps.logger));
  app.use(deps.metrics.middleware());
  app.use((_req: Request, res: Response, next: NextFunction) => {
    // Keep-alive clients must not keep reusing a connection to a server that is about to stop.
    if (deps.lifecycle.draining) res.setHeader('connection', 'close');
    next();
  });
}
