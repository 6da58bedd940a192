import { notFound } from '../common/app-error.js';
import { Persona, type Principal } from './persona.js';

/**
 * THE decision table for "who may see what". Every read that hides data from a viewer asks `mayView`; a
 * "no" is answered NOT_FOUND by the caller, exactly like an unknown id, so ids cannot be probed.
 *
 * The facts a row needs (is the viewer on the role's panel, did they declare a conflict) are read by the
 * module that owns the tables (hiring) and handed in; this file decides and runs no SQL.
 */
export enum Subject {
  /** A role's posting. */
  ROLE = 'ROLE',
  /** A role as the basis of an explanation: once published it stays explainable after it closes or fills. */
  ROLE_EXPLAINED = 'ROLE_EXPLAINED',
  /** A role's computed ranking and saved ranking runs. */
  ROLE_RANKING = 'ROLE_RANKING',
  /** A role's candidates, applications and panel scores as a group. */
  ROLE_CANDIDATES = 'ROLE_CANDIDATES',
  /** One candidate (application) of a role. */
  CANDIDATE = 'CANDIDATE',
  /** An application's status history: the candidate and HR; panelists judge the candidate, not the process. */
  APPLICATION_HISTORY = 'APPLICATION_HISTORY',
  /** An educator's private data: evidence, contact details, scores. */
  EDUCATOR_PRIVATE = 'EDUCATOR_PRIVATE',
  /**
   * An educator's evidence as something to endorse or decline (the endorsement queue, the decision itself, a
   * revision of endorsed evidence): HR, and endorsers scoped to the building the educator is assigned to today.
   * Never the owner: nobody decides on their own evidence.
   */
  EVIDENCE_ENDORSEMENT = 'EVIDENCE_ENDORSEMENT',
  /** Who endorsed or declined an item, when and why: its owner and HR. */
  ENDORSEMENT_HISTORY = 'ENDORSEMENT_HISTORY',
}

/** What the caller knows about the viewer's relation to the thing asked for. Missing means false. */
export interface VisibilityFacts {
  /** The role's posting is OPEN. */
  roleOpen?: boolean;
  /** The role has been published (any status but DRAFT). */
  rolePublished?: boolean;
  /** The thing is the viewer's own (their profile, their application, a role they hold). */
  own?: boolean;
  /** The viewer sits on the panel of the role concerned. */
  onPanel?: boolean;
  /** The viewer declared a conflict of interest with this candidate for that role. */
  conflicted?: boolean;
  /** The educator concerned is assigned today to a building the viewer (an endorser) is scoped to. */
  inEndorserScope?: boolean;
}

type Rule = (f: VisibilityFacts) => boolean;
const ALWAYS: Rule = () => true;
const NEVER: Rule = () => false;

/**
 * Rows: what is asked for. Columns: who asks (HR, the owner, a panelist, an endorser, any other signed-in account).
 * An endorser sees nothing beyond what anyone sees except the evidence they are asked to endorse.
 */
export const VISIBILITY: Readonly<Record<Subject, Readonly<{ hr: Rule; own: Rule; panelist: Rule; endorser: Rule; anyone: Rule }>>> = {
  // `own` for a role: the viewer holds it (a hybrid commitment from an accepted offer), so it stays visible after it fills.
  [Subject.ROLE]: { hr: ALWAYS, own: ALWAYS, panelist: (f) => !!f.roleOpen, endorser: (f) => !!f.roleOpen, anyone: (f) => !!f.roleOpen },
  [Subject.ROLE_EXPLAINED]: {
    hr: ALWAYS,
    own: NEVER,
    panelist: (f) => !!f.rolePublished,
    endorser: (f) => !!f.rolePublished,
    anyone: (f) => !!f.rolePublished,
  },
  [Subject.ROLE_RANKING]: { hr: ALWAYS, own: NEVER, panelist: NEVER, endorser: NEVER, anyone: NEVER },
  [Subject.ROLE_CANDIDATES]: { hr: ALWAYS, own: NEVER, panelist: (f) => !!f.onPanel, endorser: NEVER, anyone: NEVER },
  [Subject.CANDIDATE]: { hr: ALWAYS, own: (f) => !!f.own, panelist: (f) => !!f.onPanel && !f.conflicted, endorser: NEVER, anyone: NEVER },
  [Subject.APPLICATION_HISTORY]: { hr: ALWAYS, own: (f) => !!f.own, panelist: NEVER, endorser: NEVER, anyone: NEVER },
  [Subject.EDUCATOR_PRIVATE]: {
    hr: ALWAYS,
    own: (f) => !!f.own,
    panelist: (f) => !!f.onPanel && !f.conflicted,
    endorser: NEVER,
    anyone: NEVER,
  },
  [Subject.EVIDENCE_ENDORSEMENT]: {
    hr: (f) => !f.own,
    own: NEVER,
    panelist: NEVER,
    endorser: (f) => !!f.inEndorserScope && !f.own,
    anyone: NEVER,
  },
  [Subject.ENDORSEMENT_HISTORY]: { hr: ALWAYS, own: (f) => !!f.own, panelist: NEVER, endorser: NEVER, anyone: NEVER },
};

/** Whether `viewer` may see `subject` given the facts: yes when any column the viewer qualifies for says yes. */
export function mayView(viewer: Principal, subject: Subject, facts: VisibilityFacts = {}): boolean {
  const row = VISIBILITY[subject];
  if (viewer.personas.has(Persona.HR) && row.hr(facts)) return true;
  if (facts.own && row.own(facts)) return true;
  if (viewer.personas.has(Persona.PANELIST) && row.panelist(facts)) return true;
  if (viewer.personas.has(Persona.ENDORSER) && row.endorser(facts)) return true;
  return row.anyone(facts);
}

/** `mayView`, answering NOT_FOUND for `entity` `id` when it says no (so a hidden thing looks like an unknown id). */
export function assertMayView(viewer: Principal, subject: Subject, facts: VisibilityFacts, entity: string, id: string): void {
  if (!mayView(viewer, subject, facts)) throw notFound(entity, id);
}

/**
 * Which educators a panelist reaches through their panel seats: applicants of roles whose panel they sit on,
 * minus candidates they declared a conflict with for that role. Implemented by the hiring module, which
 * owns those tables; the application wires it in (PANEL_REACH).
 */
export interface PanelReach {
  reachableEducators(accountId: string, educatorIds: readonly string[]): Promise<Set<string>>;
}

export const PANEL_REACH = Symbol('PanelReach');
