import { canTransition } from '../hiring/domain/application-status.js';
import { planDemoHiringRound } from './demo-hiring-round.js';
import { generateDemoDistrict } from './demo-plan.js';

describe('the demo hiring round plan', () => {
  it.each([1, 2026, 99_999])('holds for seed %i: five distinct applicants, none of them on the panel, every move a legal one', (seed) => {
    const district = generateDemoDistrict({ seed, asOf: '2026-09-01' });
    const round = planDemoHiringRound(district);
    const educators = round.applications.map((a) => a.educatorId);
    expect(new Set(educators).size).toBe(5);
    expect(educators).toEqual(expect.arrayContaining([district.highlights.candidateA.id, district.highlights.candidateB.id]));
    const panelEducators = round.panel.map((p) => district.accounts.find((a) => a.id === p.accountId)!.educatorId);
    expect(panelEducators).toContain(district.highlights.panelEducator.id);
    for (const id of panelEducators) if (id) expect(educators).not.toContain(id);
    for (const a of round.applications) {
      for (const [prev, next] of a.transitions.slice(0, -1).map((t, i) => [t, a.transitions[i + 1]] as const)) {
        expect(canTransition(prev.toStatus, next.toStatus)).toBe(true);
        expect(next.at > prev.at).toBe(true);
      }
      expect(a.transitions.at(-1)!.at < '2026-09-01').toBe(true);
    }
  });

  it('is the same for the same seed and date', () => {
    const plan = () => planDemoHiringRound(generateDemoDistrict({ seed: 7, asOf: '2026-09-01' }));
    expect(plan()).toEqual(plan());
  });
});
