import { Persona } from '../../src/access/persona.js';
import { CapacityReportsService } from '../../src/reports/capacity-reports.service.js';
import { buildCapacityDistrict } from '../support/capacity-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { measureCapacityCoverage, summarise } from './coverage-bench.js';
import { assertSameAnswer } from './floors.js';

describe('a floor checked against its service', () => {
  it('refuses a floor whose answer differs in any figure', () => {
    expect(() => assertSameAnswer('x', { total: { covered: 5 } }, { total: { covered: 5 } })).not.toThrow();
    expect(() => assertSameAnswer('x', { total: { covered: 5 } }, { total: { covered: 4 } })).toThrow(/disagree/);
  });
});

describe('bench timing summary', () => {
  it('takes nearest-rank median and 95th percentile', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(summarise(samples)).toEqual({ runs: 20, medianMs: 10, p95Ms: 19, minMs: 1, maxMs: 20 });
    expect(summarise([3])).toEqual({ runs: 1, medianMs: 3, p95Ms: 3, minMs: 3, maxMs: 3 });
  });
});

/** The coverage benchmark's floor must answer what the service answers, or its ratios compare unlike things. */
describe('the capacity coverage benchmark on the district counted by hand (test/support/capacity-district.ts)', () => {
  let t: TestApp;
  let hr: string;
  const AS_OF = '2025-06-30';

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    await buildCapacityDistrict(t.ds);
  });
  afterAll(() => t.close());

  it('agrees with its benchmark floor: one SQL statement gives the same district count on every path', async () => {
    const gql = async (query: string, variables: Record<string, unknown>) => (await t.gql(query, variables, hr)).data;
    const r = await measureCapacityCoverage({ ds: t.ds, service: t.app.get(CapacityReportsService), gql, asOf: AS_OF, runs: 1, warmup: 0 });
    expect(r.covered).toBe(5);
    expect(Object.keys(r.measures).sort()).toEqual(['coverage_http', 'coverage_inprocess', 'floor_coverage', 'ref_coverage_levels']);
    expect(r.floors).toEqual({
      coverage_inprocess: 'floor_coverage',
      coverage_http: 'floor_coverage',
      ref_coverage_levels: 'floor_coverage',
    });
    const past = await measureCapacityCoverage({
      ds: t.ds,
      service: t.app.get(CapacityReportsService),
      asOf: '2024-06-30',
      runs: 1,
      warmup: 0,
    });
    expect(past.covered).toBe(4);
  });
});
