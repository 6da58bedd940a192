import { jest } from '@jest/globals';

/**
 * Moves Date one day ahead for `run` (the district day changes) while timers and the event loop keep real time, so
 * database drivers and servers in the same process go on working; the clock is restored afterwards.
 */
export async function onTheNextDay<T>(run: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: Date.now() + 86_400_000,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
  try {
    return await run();
  } finally {
    jest.useRealTimers();
  }
}
