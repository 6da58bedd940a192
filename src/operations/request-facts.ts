import type { IncomingMessage } from 'node:http';

/** What a request turned out to be, gathered while it runs and read when it finishes (logs, metrics). */
export interface RequestFacts {
  operationName?: string;
  operationType?: string;
  personas?: string[];
  accountId?: string;
  errorCodes: string[];
}

const facts = new WeakMap<IncomingMessage, RequestFacts>();

export function factsOf(req: IncomingMessage): RequestFacts {
  let f = facts.get(req);
  if (!f) {
    f = { errorCodes: [] };
    facts.set(req, f);
  }
  return f;
}

export function peekFacts(req: IncomingMessage): RequestFacts | undefined {
  return facts.get(req);
}
