import { auditServer, type AuditResult } from 'graphql-http';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The graphql-http audit suite (GraphQL-over-HTTP conformance). Its `__type` probes need introspection,
 * which is on outside production.
 */
describe('GraphQL over HTTP conformance', () => {
  let t: TestApp;
  let results: AuditResult[];
  beforeAll(async () => {
    t = await startTestApp();
    results = await auditServer({ url: `${t.baseUrl}/graphql` });
  });
  afterAll(() => t.close());

  const failures = (level: 'MUST' | 'SHOULD' | 'MAY') =>
    results.filter((r) => r.name.startsWith(level) && r.status !== 'ok').map((r) => `${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
  const count = (level: string) => results.filter((r) => r.name.startsWith(level)).length;

  it('passes every MUST', () => {
    expect(count('MUST')).toBe(13);
    expect(failures('MUST')).toEqual([]);
  });

  it('passes every SHOULD', () => {
    expect(count('SHOULD')).toBe(23);
    expect(failures('SHOULD')).toEqual([]);
  });
});
