import { assignPseudonyms, identitiesVisible, pseudonym } from './blind-review.js';

const ROLE = '6f1d2c1e-0000-4000-8000-000000000001';
const OTHER_ROLE = '6f1d2c1e-0000-4000-8000-000000000002';
const ED = (n: number) => `0b7c${String(n).padStart(4, '0')}-1111-4000-8000-000000000000`;

describe('blind-review pseudonyms', () => {
  it('are stable for a role and candidate, and read like "Candidate K7QM"', () => {
    const a = pseudonym('secret', ROLE, ED(1));
    expect(a).toMatch(/^Candidate [0-9A-HJKMNP-TV-Z]{4}$/);
    expect(pseudonym('secret', ROLE, ED(1))).toBe(a);
  });

  it('differ between roles, candidates and secrets', () => {
    const a = pseudonym('secret', ROLE, ED(1));
    expect(pseudonym('secret', OTHER_ROLE, ED(1))).not.toBe(a);
    expect(pseudonym('secret', ROLE, ED(2))).not.toBe(a);
    expect(pseudonym('another secret', ROLE, ED(1))).not.toBe(a);
  });

  it('do not contain the id', () => {
    const code = pseudonym('secret', ROLE, ED(1)).slice('Candidate '.length);
    expect(ED(1).toUpperCase()).not.toContain(code);
  });

  it('are unique within a role, lengthening only codes that collide', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => ED(i));
    const names = assignPseudonyms('secret', ROLE, ids);
    expect(new Set(names.values()).size).toBe(3000);
    // 3000 candidates on a 4-character code almost surely collide somewhere (birthday bound): those get longer codes.
    const lengths = [...names.values()].map((n) => n.length);
    expect(lengths.filter((l) => l > 'Candidate XXXX'.length).length).toBeGreaterThan(0);
    // Everyone who did not collide keeps the plain code.
    for (const id of ids.slice(0, 50)) {
      const plain = pseudonym('secret', ROLE, id);
      const clashes = ids.filter((other) => pseudonym('secret', ROLE, other) === plain).length;
      if (clashes === 1) expect(names.get(id)).toBe(plain);
    }
  });

  it('do not depend on which other candidates are listed, absent collisions', () => {
    const all = assignPseudonyms('secret', ROLE, [ED(1), ED(2), ED(3)]);
    const some = assignPseudonyms('secret', ROLE, [ED(3), ED(1)]);
    expect(some.get(ED(1))).toBe(all.get(ED(1)));
    expect(some.get(ED(3))).toBe(all.get(ED(3)));
  });
});

describe('when a panelist may see who candidates are', () => {
  it('always, without blind review or for HR', () => {
    expect(identitiesVisible({ blindReview: false, isHr: false, submittedCount: 0, awaitingSubmission: 3 })).toBe(true);
    expect(identitiesVisible({ blindReview: true, isHr: true, submittedCount: 0, awaitingSubmission: 3 })).toBe(true);
  });

  it('under blind review, only after submitting scores for every candidate they can score', () => {
    expect(identitiesVisible({ blindReview: true, isHr: false, submittedCount: 0, awaitingSubmission: 0 })).toBe(false);
    expect(identitiesVisible({ blindReview: true, isHr: false, submittedCount: 1, awaitingSubmission: 1 })).toBe(false);
    expect(identitiesVisible({ blindReview: true, isHr: false, submittedCount: 2, awaitingSubmission: 0 })).toBe(true);
  });
});
