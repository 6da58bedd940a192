import { Persona, type Principal } from './persona.js';
import { mayView, Subject } from './visibility.js';

const viewer = (...personas: Persona[]): Principal => ({ accountId: 'a', email: 'a@x', personas: new Set(personas), educatorId: 'e' });
const HR = viewer(Persona.HR);
const PANELIST = viewer(Persona.PANELIST, Persona.EDUCATOR);
const EDUCATOR = viewer(Persona.EDUCATOR);

describe('the visibility table', () => {
  it('shows a role to anyone while it is OPEN and only to HR otherwise', () => {
    expect([HR, PANELIST, EDUCATOR].map((v) => mayView(v, Subject.ROLE, { roleOpen: true }))).toEqual([true, true, true]);
    expect([HR, PANELIST, EDUCATOR].map((v) => mayView(v, Subject.ROLE, { roleOpen: false }))).toEqual([true, false, false]);
    expect(mayView(EDUCATOR, Subject.ROLE, { roleOpen: false, own: true })).toBe(true);
  });

  it('explains a role to anyone once published, a draft only to HR', () => {
    expect([HR, PANELIST, EDUCATOR].map((v) => mayView(v, Subject.ROLE_EXPLAINED, { rolePublished: true }))).toEqual([true, true, true]);
    expect([HR, PANELIST, EDUCATOR].map((v) => mayView(v, Subject.ROLE_EXPLAINED, { rolePublished: false }))).toEqual([true, false, false]);
  });

  it('keeps a ranking to HR, even for a panelist on the role', () => {
    expect([HR, PANELIST, EDUCATOR].map((v) => mayView(v, Subject.ROLE_RANKING, { onPanel: true }))).toEqual([true, false, false]);
  });

  it('shows a role\'s candidates to HR and to panelists on its panel only', () => {
    expect(mayView(PANELIST, Subject.ROLE_CANDIDATES, { onPanel: true })).toBe(true);
    expect(mayView(PANELIST, Subject.ROLE_CANDIDATES, { onPanel: false })).toBe(false);
    expect(mayView(EDUCATOR, Subject.ROLE_CANDIDATES, { onPanel: true })).toBe(false);
  });

  it('hides a candidate from a panelist who declared a conflict, not from the candidate or HR', () => {
    const facts = { onPanel: true, conflicted: true };
    expect(mayView(PANELIST, Subject.CANDIDATE, facts)).toBe(false);
    expect(mayView(HR, Subject.CANDIDATE, facts)).toBe(true);
    expect(mayView(EDUCATOR, Subject.CANDIDATE, { own: true })).toBe(true);
    expect(mayView(EDUCATOR, Subject.CANDIDATE, {})).toBe(false);
  });

  it('shows an educator\'s private data to themselves, HR, and a panel that reaches them', () => {
    expect(mayView(EDUCATOR, Subject.EDUCATOR_PRIVATE, { own: true })).toBe(true);
    expect(mayView(EDUCATOR, Subject.EDUCATOR_PRIVATE, { onPanel: true })).toBe(false);
    expect(mayView(PANELIST, Subject.EDUCATOR_PRIVATE, { onPanel: true })).toBe(true);
    expect(mayView(PANELIST, Subject.EDUCATOR_PRIVATE, { onPanel: true, conflicted: true })).toBe(false);
    expect(mayView(HR, Subject.EDUCATOR_PRIVATE)).toBe(true);
  });
});
