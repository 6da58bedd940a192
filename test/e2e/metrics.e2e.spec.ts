import { Persona } from '../../src/access/persona.js';
import { MetricsListener } from '../../src/operations/operations.module.js';
import { metricsPortOf } from '../../src/operations/metrics.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKEN = 'scrape-token-for-tests-1234';

/** The value of one sample line, e.g. sample(text, 'pathways_graphql_errors_total{code="UNAUTHENTICATED"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

describe('Prometheus metrics', () => {
  let t: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0', METRICS_TOKEN: TOKEN });
    metricsUrl = `http://127.0.0.1:${metricsPortOf(t.app.get(MetricsListener).server!)}/metrics`;
  });
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => {
    const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  it('is served on its own port, not on the API port, and refuses a scrape without the token', async () => {
    expect(new URL(metricsUrl).port).not.toBe(new URL(t.baseUrl).port);
    expect((await fetch(`${t.baseUrl}/metrics`)).status).toBe(404);
    const anonymous = await fetch(metricsUrl);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('METRICS_TOKEN');
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('counts requests, times each operation, counts errors by code and shows the pool and Node defaults', async () => {
    const { token } = await t.signInAs([Persona.HR]);
    const before = await scrape();
    const okBefore = sample(before, 'pathways_graphql_operation_duration_seconds_count{operation="MetricsBuildings",type="query"}') ?? 0;
    const unauthBefore = sample(before, 'pathways_graphql_errors_total{code="UNAUTHENTICATED"}') ?? 0;

    for (let i = 0; i < 3; i++) {
      const res = await t.gql('query MetricsBuildings { buildings(first: 1) { totalCount } }', {}, token);
      expect(res.errors).toBeUndefined();
    }
    const refused = await t.gql('query MetricsBuildings { buildings(first: 1) { totalCount } }');
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const after = await scrape();
    expect(sample(after, 'pathways_graphql_operation_duration_seconds_count{operation="MetricsBuildings",type="query"}')).toBe(
      okBefore + 4,
    );
    expect(after).toMatch(/pathways_graphql_operation_duration_seconds_bucket\{le="0\.5",operation="MetricsBuildings",type="query"\} \d+/);
    expect(sample(after, 'pathways_graphql_errors_total{code="UNAUTHENTICATED"}')).toBe(unauthBefore + 1);
    expect(sample(after, 'pathways_http_requests_total{method="POST",route="/graphql",status="200"}')).toBeGreaterThanOrEqual(4);
    expect(sample(after, 'pathways_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(after).toContain('pathways_db_pool_connections{state="waiting"}');
    expect(after).toContain('pathways_process_resident_memory_bytes');
    expect(after).toContain('pathways_nodejs_eventloop_lag_seconds');
  });

  it('bounds the operation label: names clients make up cannot grow the series without limit', async () => {
    for (let i = 0; i < 210; i++) await t.gql(`query Invented${i} { __typename }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/pathways_graphql_operation_duration_seconds_count\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBe(201);
    expect(names.has('Invented0')).toBe(true);
    expect(names.has('Invented209')).toBe(false);
    expect(sample(text, 'pathways_graphql_operation_duration_seconds_count{operation="(other)",type="query"}')).toBeGreaterThanOrEqual(10);
  });
});
