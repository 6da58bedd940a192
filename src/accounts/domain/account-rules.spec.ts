import { normalisePersonas, removesLastHr } from './account-rules.js';

const hr = { personas: ['HR'], disabled: false };

describe('keeping HR reachable', () => {
  it('refuses disabling or demoting the only enabled HR account', () => {
    expect(removesLastHr(hr, { ...hr, disabled: true }, 1)).toBe(true);
    expect(removesLastHr(hr, { personas: ['PANELIST'], disabled: false }, 1)).toBe(true);
  });

  it('allows it when another enabled HR account remains', () => {
    expect(removesLastHr(hr, { ...hr, disabled: true }, 2)).toBe(false);
  });

  it('ignores changes that keep HR or that touch accounts without HR', () => {
    expect(removesLastHr(hr, { personas: ['HR', 'PANELIST'], disabled: false }, 1)).toBe(false);
    expect(removesLastHr({ personas: ['EDUCATOR'], disabled: false }, { personas: ['EDUCATOR'], disabled: true }, 1)).toBe(false);
    expect(removesLastHr({ personas: ['HR'], disabled: true }, { personas: [], disabled: true }, 1)).toBe(false);
  });
});

describe('normalisePersonas', () => {
  it('deduplicates and orders by the given order', () => {
    expect(normalisePersonas(['EDUCATOR', 'HR', 'EDUCATOR'], ['HR', 'PANELIST', 'EDUCATOR'])).toEqual(['HR', 'EDUCATOR']);
  });
});
