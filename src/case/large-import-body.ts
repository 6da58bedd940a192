import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { Persona } from '../access/persona.js';
import type { PrincipalResolver } from '../access/principal.resolver-service.js';

const LARGE = Symbol('pathways.largeBody');
type Marked = Request & { [LARGE]?: boolean };

/**
 * A CASE package is often larger than the 2 MB every other request is held to. Only a signed-in HR account may send a
 * larger body, and only for a request whose one operation is the `importCasePackage` mutation: `before` decides, from
 * the headers, whether the (larger) JSON parser may read the body at all; `after` checks what was parsed.
 */
export function largeImportBody(normalLimitBytes: number, principals: PrincipalResolver, tooLarge: (res: Response) => void) {
  const before = async (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers['content-length'] ?? NaN);
    const large = Number.isNaN(length) ? req.headers['transfer-encoding'] !== undefined : length > normalLimitBytes;
    if (!large) return next();
    // CSV roster uploads are streamed to disk by their own endpoint (HR only, own size cap), never parsed here.
    if (isStreamedCsvUpload(req)) return next();
    if (req.method !== 'POST' || req.path !== '/graphql') return refuseAfterReading(req, res, tooLarge);
    const auth = req.headers.authorization;
    const principal = auth ? await principals.tryResolve(auth) : null;
    if (!principal?.personas.has(Persona.HR)) return refuseAfterReading(req, res, tooLarge);
    (req as Marked)[LARGE] = true;
    next();
  };
  const after = (req: Request, res: Response, next: NextFunction) => {
    if (!(req as Marked)[LARGE]) return next();
    if (!isOnlyImport((req.body as { query?: unknown })?.query)) return tooLarge(res);
    next();
  };
  return { before, after };
}

/** Past this, an unread body is cut off rather than read to the end: the client then sees a reset, not the 413. */
const MAX_DISCARDED_BYTES = 64 * 1024 * 1024;

/**
 * Answering before the body is read lets the server close a socket the client is still writing to, and the client sees
 * a connection reset instead of the 413. The refused body is read and thrown away first, up to a bound.
 */
function refuseAfterReading(req: Request, res: Response, tooLarge: (res: Response) => void): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARDED_BYTES) req.destroy();
  });
  req.once('end', () => tooLarge(res));
  req.resume();
}

function isOnlyImport(query: unknown): boolean {
  if (typeof query !== 'string' || query.length > 10_000) return false;
  try {
    const doc = parse(query);
    if (doc.definitions.length !== 1 || doc.definitions[0].kind !== Kind.OPERATION_DEFINITION) return false;
    const op = doc.definitions[0] as OperationDefinitionNode;
    const fields = op.selectionSet.selections;
    return (
      op.operation === 'mutation' && fields.length === 1 && fields[0].kind === Kind.FIELD && fields[0].name.value === 'importCasePackage'
    );
  } catch {
    return false;
  }
}

const STREAMED_UPLOAD = /^\/imports\/[a-z]+$/;

function isStreamedCsvUpload(req: Request): boolean {
  return req.method === 'POST' && STREAMED_UPLOAD.test(req.path) && !req.is('application/json');
}
