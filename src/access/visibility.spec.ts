import { Persona, type Principal } from './persona.js';
import { mayView, Subject } from './visibility.js';

const viewer = (...personas: Persona[]): Principal => ({ accountId: 'a', email: 'a@x', personas: new Set(personas), educatorId: 'e' });
const HR = viewer(Persona.HR);
const PANELIST = viewer(Persona.PANELIST, Persona.EDUCATOR);
const EDUCATOR = viewer(Persona.EDUCATOR);
const ENDORSER = viewer(Persona.ENDORSER, Persona.EDUCATOR);

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

  it("shows a role's candidates to HR and to panelists on its panel only", () => {
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

  it("shows an educator's private data to themselves, HR, and a panel that reaches them", () => {
    expect(mayView(EDUCATOR, Subject.EDUCATOR_PRIVATE, { own: true })).toBe(true);
    expect(mayView(EDUCATOR, Subject.EDUCATOR_PRIVATE, { onPanel: true })).toBe(false);
    expect(mayView(PANELIST, Subject.EDUCATOR_PRIVATE, { onPanel: true })).toBe(true);
    expect(mayView(PANELIST, Subject.EDUCATOR_PRIVATE, { onPanel: true, conflicted: true })).toBe(false);
    expect(mayView(HR, Subject.EDUCATOR_PRIVATE)).toBe(true);
  });

  it('lets an endorser act on evidence of educators in their buildings today, never their own, and shows them nothing else', () => {
    expect(mayView(ENDORSER, Subject.EVIDENCE_ENDORSEMENT, { inEndorserScope: true })).toBe(true);
    expect(mayView(ENDORSER, Subject.EVIDENCE_ENDORSEMENT, { inEndorserScope: false })).toBe(false);
    expect(mayView(ENDORSER, Subject.EVIDENCE_ENDORSEMENT, { inEndorserScope: true, own: true })).toBe(false);
    expect(mayView(HR, Subject.EVIDENCE_ENDORSEMENT, {})).toBe(true);
    expect(mayView(HR, Subject.EVIDENCE_ENDORSEMENT, { own: true })).toBe(false);
    expect([PANELIST, EDUCATOR].map((v) => mayView(v, Subject.EVIDENCE_ENDORSEMENT, { inEndorserScope: true }))).toEqual([false, false]);
    for (const subject of [
      Subject.ROLE_RANKING,
      Subject.ROLE_CANDIDATES,
      Subject.CANDIDATE,
      Subject.APPLICATION_HISTORY,
      Subject.EDUCATOR_PRIVATE,
    ]) {
      expect(mayView(ENDORSER, subject, { inEndorserScope: true, onPanel: true })).toBe(false);
    }
    expect(mayView(ENDORSER, Subject.ROLE, { roleOpen: true })).toBe(true);
  });

  it('shows who endorsed or declined an item, when and why, to its owner and HR only', () => {
    expect(mayView(EDUCATOR, Subject.ENDORSEMENT_HISTORY, { own: true })).toBe(true);
    expect(mayView(HR, Subject.ENDORSEMENT_HISTORY)).toBe(true);
    expect(mayView(ENDORSER, Subject.ENDORSEMENT_HISTORY, { inEndorserScope: true })).toBe(false);
    expect(mayView(PANELIST, Subject.ENDORSEMENT_HISTORY, { onPanel: true })).toBe(false);
  });
});
