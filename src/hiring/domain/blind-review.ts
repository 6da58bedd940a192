import { createHmac } from 'node:crypto';

/** Crockford base32 without I, L, O, U: easy to read aloud in a panel meeting. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DEFAULT_LENGTH = 4;

function code(secret: string, roleId: string, educatorId: string, length: number): string {
  const digest = createHmac('sha256', secret).update(`pathways.blind-review.v1\u0000${roleId}\u0000${educatorId}`).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[digest[i] & 31];
  return out;
}

/**
 * A candidate's stable pseudonym for one role, e.g. "Candidate K7QM": an HMAC of the role and educator ids
 * under a server secret, so it is the same for every panelist and every request, differs between roles,
 * and cannot be turned back into an id without the secret.
 */
export function pseudonym(secret: string, roleId: string, educatorId: string, length = DEFAULT_LENGTH): string {
  return `Candidate ${code(secret, roleId, educatorId, length)}`;
}

/**
 * Pseudonyms for all of a role's candidates at once, unique within the role. A collision (about one in a
 * million per pair) lengthens only the colliding codes, so everyone else keeps theirs. Pass the role's whole
 * candidate list, not one viewer's subset, so the result does not depend on who is asking.
 */
export function assignPseudonyms(secret: string, roleId: string, educatorIds: readonly string[]): Map<string, string> {
  const ids = [...new Set(educatorIds)];
  const length = new Map(ids.map((id) => [id, DEFAULT_LENGTH]));
  for (;;) {
    const byName = new Map<string, string[]>();
    for (const id of ids) {
      const name = pseudonym(secret, roleId, id, length.get(id)!);
      byName.set(name, [...(byName.get(name) ?? []), id]);
    }
    const clashes = [...byName.values()].filter((group) => group.length > 1);
    if (!clashes.length) return new Map([...byName].map(([name, [id]]) => [id, name]));
    for (const group of clashes) for (const id of group) length.set(id, length.get(id)! + 1);
  }
}

/**
 * Blind review hides identities from a panelist until they have submitted their scores for the role:
 * at least one submitted scorecard, and none of the candidates they can score still waiting on them.
 * A candidate shortlisted later puts the panelist back behind the blind until they score them too.
 */
export function identitiesVisible(input: {
  blindReview: boolean;
  isHr: boolean;
  submittedCount: number;
  awaitingSubmission: number;
}): boolean {
  if (!input.blindReview || input.isHr) return true;
  return input.submittedCount > 0 && input.awaitingSubmission === 0;
}
