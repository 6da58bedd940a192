import type { EntityManager } from 'typeorm';
import { PanelMemberEntity } from '../hiring/entities/panel-member.entity.js';
import { ApplicationStatus as S, assertMove, PipelineActor } from '../hiring/domain/application-status.js';
import { ApplicationTransitionEntity } from '../hiring/entities/application-transition.entity.js';
import { ApplicationEntity } from '../hiring/entities/application.entity.js';
import { RoleHiringSettingsEntity } from '../hiring/entities/role-hiring-settings.entity.js';
import { addDays, HR_EMAIL, PANEL_EMAIL, type DemoDistrict, type PlannedAccount, type PlannedEducator } from './demo-plan.js';
import { demoId } from './prng.js';

/**
 * A hiring round in progress for the demo: the Instructional Innovation Coach role at Lincoln Middle with a
 * seated panel, blind review on, and applications at realistic pipeline stages. No scores, offers or
 * ranking runs: those are left for whoever tries the demo. Computed from the district alone (no database,
 * no clock), so two loads with the same seed and date are identical.
 */
export const DEMO_ROUND_ROLE_KEY = 'innovation-coach-lms';

export interface PlannedTransition {
  fromStatus: S | null;
  toStatus: S;
  actorAccountId: string | null;
  actorEmail: string;
  reason: string;
  at: string;
}
export interface PlannedApplication {
  id: string;
  roleId: string;
  educatorId: string;
  status: S;
  statement: string;
  submittedAt: string;
  transitions: PlannedTransition[];
}
export interface DemoHiringRound {
  roleId: string;
  panel: Array<{ roleId: string; accountId: string; addedBy: string; addedAt: string }>;
  blindReview: { roleId: string; blindReview: true; updatedBy: string; updatedAt: string };
  applications: PlannedApplication[];
}

/** Who applies and how far they got; days count back from the district's date. */
interface Step {
  to: S;
  daysAgo: number;
  reason: string;
}
interface Applicant {
  educator: PlannedEducator;
  submittedDaysAgo: number;
  statement: string;
  moves: Step[];
}

const SCREENED = (daysAgo: number): Step => ({
  to: S.SCREENED,
  daysAgo,
  reason: "Application complete; meets the posting's basic eligibility.",
});
const SHORTLISTED = (daysAgo: number, why: string): Step => ({ to: S.SHORTLISTED, daysAgo, reason: why });

/** The role's competencies (by code) and the highest level each educator shows on them beyond attendance. */
function relevance(district: DemoDistrict, codes: ReadonlySet<string>): Map<string, number> {
  const best = new Map<string, Map<string, number>>();
  for (const e of district.evidence) {
    if (e.kind === 'COURSE') continue;
    for (const c of e.claims) {
      if (!codes.has(c.competency.code)) continue;
      const mine = best.get(e.educatorId) ?? new Map<string, number>();
      mine.set(c.competency.code, Math.max(mine.get(c.competency.code) ?? 0, c.level));
      best.set(e.educatorId, mine);
    }
  }
  return new Map([...best].map(([id, levels]) => [id, [...levels.values()].reduce((s, l) => s + l, 0)]));
}

/** "a grade 7 ELA teacher", "an art teacher". */
const asA = (assignment: string) => {
  const job = assignment.charAt(0).toLowerCase() + assignment.slice(1);
  return `${/^[aeiou]/.test(job) ? 'an' : 'a'} ${job}`;
};

const at = (asOf: string, daysAgo: number, hour: number) => `${addDays(asOf, -daysAgo)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function planDemoHiringRound(district: DemoDistrict): DemoHiringRound {
  const { asOf } = district.options;
  const role = district.roles.find((r) => r.key === DEMO_ROUND_ROLE_KEY);
  if (!role?.buildingId) throw new Error(`The demo hiring round needs the ${DEMO_ROUND_ROLE_KEY} role`);
  const account = (email: string): PlannedAccount => {
    const found = district.accounts.find((a) => a.email === email);
    if (!found) throw new Error(`The demo hiring round needs the account ${email}`);
    return found;
  };
  const hr = account(HR_EMAIL);
  const { candidateA, candidateB, panelEducator } = district.highlights;
  const panelists = [account(PANEL_EMAIL), account(panelEducator.workEmail)];

  // Colleagues at the role's building with the most to show on its competencies; never anyone with a
  // demo account (Luis sits on the panel, and a panelist cannot be a candidate).
  const withAccounts = new Set(district.accounts.map((a) => a.educatorId));
  const score = relevance(district, new Set(role.requirements.map((q) => q.competency.code)));
  const others = district.educators
    .filter((e) => e.buildingId === role.buildingId && e.id !== candidateA.id && e.id !== candidateB.id && !withAccounts.has(e.id))
    .sort((x, y) => (score.get(y.id) ?? 0) - (score.get(x.id) ?? 0) || (x.id < y.id ? -1 : 1))
    .slice(0, 3);
  if (others.length < 3) throw new Error("The demo hiring round needs three more educators at the role's building");

  const applicants: Applicant[] = [
    {
      educator: candidateB,
      submittedDaysAgo: 9,
      statement:
        "I led our building's pilot of AI-supported feedback on student writing and designed a four-session series for colleagues on feedback and assessment redesign. I would like to help more teams try this carefully.",
      moves: [
        SCREENED(6),
        SHORTLISTED(
          3,
          'A verified certification, a led pilot with results, and colleague PD designed and delivered: meets every required competency.',
        ),
      ],
    },
    {
      educator: others[0],
      submittedDaysAgo: 11,
      statement: `As ${asA(others[0].currentAssignment)}, I have designed professional learning for colleagues and tried new feedback practice in my own classes. Coaching is the next step I want to take.`,
      moves: [SCREENED(6), SHORTLISTED(3, "Evidence of led practice on the role's competencies; shortlisted for the panel to compare.")],
    },
    {
      educator: others[1],
      submittedDaysAgo: 8,
      statement: `I have been trying AI-supported practice as ${asA(others[1].currentAssignment)} and sharing what works with my team. I would value time to support colleagues properly.`,
      moves: [
        SCREENED(6),
        SHORTLISTED(3, "Strong practice evidence on the role's competencies; the panel should compare the depth of coaching experience."),
      ],
    },
    {
      educator: candidateA,
      submittedDaysAgo: 7,
      statement:
        'Fifteen years in the classroom and more than a hundred hours of workshops on AI in teaching. I am ready to put that learning to work with colleagues.',
      moves: [
        {
          to: S.SCREENED,
          daysAgo: 6,
          reason: 'Application complete and eligible. The evidence is workshop attendance only, so not shortlisted for now.',
        },
      ],
    },
    {
      educator: others[2],
      submittedDaysAgo: 2,
      statement: `I would like to grow from ${asA(others[2].currentAssignment)} into coaching, starting with feedback practice.`,
      moves: [],
    },
  ];

  const applications = applicants.map((a, i): PlannedApplication => {
    const submittedAt = at(asOf, a.submittedDaysAgo, 14);
    // The candidate submits (as the hiring module records an application); HR makes every later move.
    const transitions: PlannedTransition[] = [
      {
        fromStatus: null,
        toStatus: S.SUBMITTED,
        actorAccountId: district.accounts.find((x) => x.educatorId === a.educator.id)?.id ?? null,
        actorEmail: a.educator.workEmail,
        reason: '',
        at: submittedAt,
      },
    ];
    for (const step of a.moves) {
      const from = transitions[transitions.length - 1].toStatus;
      assertMove(from, step.to, PipelineActor.HR);
      // HR works through the list in submission order within the day.
      transitions.push({
        fromStatus: from,
        toStatus: step.to,
        actorAccountId: hr.id,
        actorEmail: hr.email,
        reason: step.reason,
        at: at(asOf, step.daysAgo, 9 + i),
      });
    }
    return {
      id: demoId(`application:${role.key}:${a.educator.id}`),
      roleId: role.id,
      educatorId: a.educator.id,
      status: transitions[transitions.length - 1].toStatus,
      statement: a.statement,
      submittedAt,
      transitions,
    };
  });

  const setUp = at(asOf, 12, 10);
  return {
    roleId: role.id,
    panel: panelists.map((p) => ({ roleId: role.id, accountId: p.id, addedBy: hr.id, addedAt: setUp })),
    blindReview: { roleId: role.id, blindReview: true, updatedBy: hr.id, updatedAt: setUp },
    applications,
  };
}

/** The demo extension: inserts the planned round inside the seed's transaction. */
export async function insertDemoHiringRound(m: EntityManager, district: DemoDistrict): Promise<void> {
  const round = planDemoHiringRound(district);
  await m.insert(
    PanelMemberEntity,
    round.panel.map((p) => ({ ...p, addedAt: new Date(p.addedAt) })),
  );
  await m.insert(RoleHiringSettingsEntity, { ...round.blindReview, updatedAt: new Date(round.blindReview.updatedAt) });
  await m.insert(
    ApplicationEntity,
    round.applications.map((a) => ({
      id: a.id,
      roleId: a.roleId,
      educatorId: a.educatorId,
      status: a.status,
      statement: a.statement,
      invitationId: null,
      submittedAt: new Date(a.submittedAt),
      updatedAt: new Date(a.transitions[a.transitions.length - 1].at),
      // The hiring module bumps the version on every move after the submission.
      version: a.transitions.length,
    })),
  );
  // In time order, so the identity ids read as the history happened.
  const transitions = round.applications
    .flatMap((a) => a.transitions.map((t) => ({ ...t, applicationId: a.id })))
    .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.applicationId < y.applicationId ? -1 : 1));
  await m.insert(
    ApplicationTransitionEntity,
    transitions.map((t) => ({ ...t, at: new Date(t.at) })),
  );
}
