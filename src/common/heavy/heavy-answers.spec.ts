import { EventEmitter } from 'node:events';
import type { NextFunction, Request, Response } from 'express';
import { heavyAnswersGate } from './heavy-answers.js';
import { HeavyWorkLimiter } from './heavy-work.js';

/** A response as the gate sees it: root fields parsed, events, and the BUSY answer. */
function exchange() {
  const res = Object.assign(new EventEmitter(), {
    locals: { rootFields: new Set(['roleRanking']) },
    statusCode: 200,
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    set: () => res,
    json: () => res,
  });
  const req = { headers: { authorization: 'Bearer t' } };
  return { req: req as unknown as Request, res: res as unknown as Response & EventEmitter, raw: res };
}

const turns = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
};

describe('heavyAnswersGate', () => {
  it('gives the slot back when a client that waited in line has gone away, instead of holding it for ever', async () => {
    const limiter = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 4, heavyQueueWaitMs: 5000 });
    const gate = heavyAnswersGate(limiter);
    const first = exchange();
    const ran: string[] = [];
    gate(first.req, first.res, (() => ran.push('first')) as NextFunction);
    await turns();
    const waiting = exchange();
    gate(waiting.req, waiting.res, (() => ran.push('waiting')) as NextFunction);
    await turns();
    expect(limiter.queuedCount).toBe(1);
    waiting.res.emit('close'); // the client disconnects while in line
    first.res.emit('finish');
    first.res.emit('close');
    await turns();
    expect(ran).toEqual(['first']);
    expect(limiter.activeCount).toBe(0);
    const next = exchange();
    gate(next.req, next.res, (() => ran.push('next')) as NextFunction);
    await turns();
    expect(ran).toEqual(['first', 'next']);
  });
});
