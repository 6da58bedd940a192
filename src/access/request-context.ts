import type { Request } from 'express';
import type { Principal } from './persona.js';

/** What every resolver can read from the GraphQL context. */
export interface RequestContext {
  req: Request;
  /** Resolved once per request by the access guard; null when anonymous. */
  principal: Principal | null;
  /** Per-request DataLoaders, created lazily by name so batches never leak between requests. */
  loaders: Map<string, unknown>;
}
