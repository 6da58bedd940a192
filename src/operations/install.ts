import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestLogger } from './logging.js';
import { factsOf } from './request-facts.js';
import type { ServiceMetrics } from './metrics.js';
import type { ServiceLifecycle } from './service-lifecycle.js';

/** HTTP-level pieces that run before any route: request log, metrics, and connection hand-off while draining. */
export function installOperations(
  app: INestApplication,
  deps: { logger: Logger; metrics: ServiceMetrics; lifecycle: ServiceLifecycle },
): void {
  app.use(requestLogger(deps.logger));
  app.use(deps.metrics.middleware());
  app.use(recordAnsweredCodes);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    // Keep-alive clients must not keep reusing a connection to a server that is about to stop.
    if (deps.lifecycle.draining) res.setHeader('connection', 'close');
    next();
  });
}

/**
 * Answers written before GraphQL runs (malformed JSON, an oversized body, a document refused by the operation guard)
 * carry their codes in the GraphQL error shape; the request line gets them as it gets Apollo's, which records its
 * own first. Only a short body that starts as an error answer is read.
 */
function recordAnsweredCodes(req: Request, res: Response, next: NextFunction): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (typeof body === 'string' && body.length < 65_536 && body.startsWith('{"errors":[')) {
      const facts = factsOf(req);
      if (facts.errorCodes.length === 0) {
        try {
          const { errors } = JSON.parse(body) as { errors: Array<{ extensions?: { code?: unknown } }> };
          for (const e of errors) facts.errorCodes.push(String(e?.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        } catch {
          // not JSON after all: no codes to record
        }
      }
    }
    return send(body);
  };
  next();
}
