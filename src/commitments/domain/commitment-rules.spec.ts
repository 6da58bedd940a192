import { checkEnd, checkEndEarly, checkStart } from './commitment-rules.js';

describe('commitment dates', () => {
  const today = '2026-03-10';

  it('refuses a start in the past unless backdated', () => {
    expect(() => checkStart('2026-03-09', today, false)).toThrow(/backdated: true/);
    expect(() => checkStart('2026-03-09', today, true)).not.toThrow();
    expect(() => checkStart(today, today, false)).not.toThrow();
    expect(() => checkStart('2026-09-01', today, false)).not.toThrow();
  });

  it('refuses an end before the start', () => {
    expect(() => checkEnd('2026-09-01', '2026-08-31')).toThrow(/before startsOn/);
    expect(() => checkEnd('2026-09-01', null)).not.toThrow();
  });

  it('ends early only by moving the end earlier, never before the start', () => {
    expect(() => checkEndEarly('2026-01-01', null, '2026-04-01')).not.toThrow();
    expect(() => checkEndEarly('2026-01-01', '2026-06-30', '2026-04-01')).not.toThrow();
    expect(() => checkEndEarly('2026-01-01', '2026-06-30', '2026-06-30')).toThrow(/not earlier/);
    expect(() => checkEndEarly('2026-01-01', '2026-06-30', '2025-12-31')).toThrow(/before startsOn/);
  });
});
