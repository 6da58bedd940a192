import { summarise } from './coverage-bench.js';

describe('bench timing summary', () => {
  it('takes nearest-rank median and 95th percentile', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarise(samples)).toEqual({ runs: 20, medianMs: 10, p95Ms: 19, minMs: 1, maxMs: 20 });
    expect(summarise([3])).toEqual({ runs: 1, medianMs: 3, p95Ms: 3, minMs: 3, maxMs: 3 });
  });
});
