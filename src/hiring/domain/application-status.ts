import { badInput } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

/** Where an application stands in the hiring pipeline. */
export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  SCREENED = 'SCREENED',
  SHORTLISTED = 'SHORTLISTED',
  INTERVIEW = 'INTERVIEW',
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Who causes a move: HR runs the pipeline; the candidate withdraws and answers offers. */
export enum PipelineActor {
  HR = 'HR',
  CANDIDATE = 'CANDIDATE',
}

export const OPEN_STATUSES: readonly ApplicationStatus[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.SCREENED,
  ApplicationStatus.SHORTLISTED,
  ApplicationStatus.INTERVIEW,
  ApplicationStatus.OFFERED,
];

/** The forward path; REJECTED and WITHDRAWN are added from every open state below. */
const FORWARD: Partial<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  [ApplicationStatus.SUBMITTED]: [ApplicationStatus.SCREENED],
  [ApplicationStatus.SCREENED]: [ApplicationStatus.SHORTLISTED],
  [ApplicationStatus.SHORTLISTED]: [ApplicationStatus.INTERVIEW],
  [ApplicationStatus.INTERVIEW]: [ApplicationStatus.OFFERED],
  [ApplicationStatus.OFFERED]: [ApplicationStatus.ACCEPTED, ApplicationStatus.DECLINED],
};

/**
 * Which actor may cause a move into each state. OFFERED goes through the offer use case (it carries the
 * override rule), so a plain HR pipeline move may not produce it; accepting, declining and withdrawing
 * are the candidate's own decisions.
 */
const MOVED_BY: Readonly<Record<ApplicationStatus, PipelineActor | null>> = {
  [ApplicationStatus.SUBMITTED]: null,
  [ApplicationStatus.SCREENED]: PipelineActor.HR,
  [ApplicationStatus.SHORTLISTED]: PipelineActor.HR,
  [ApplicationStatus.INTERVIEW]: PipelineActor.HR,
  [ApplicationStatus.OFFERED]: PipelineActor.HR,
  [ApplicationStatus.ACCEPTED]: PipelineActor.CANDIDATE,
  [ApplicationStatus.DECLINED]: PipelineActor.CANDIDATE,
  [ApplicationStatus.REJECTED]: PipelineActor.HR,
  [ApplicationStatus.WITHDRAWN]: PipelineActor.CANDIDATE,
};

export function isOpen(status: ApplicationStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Every state reachable in one move from `from`, whoever makes it. */
export function nextStatuses(from: ApplicationStatus): ApplicationStatus[] {
  if (!isOpen(from)) return [];
  return [...(FORWARD[from] ?? []), ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** Throws BAD_USER_INPUT with a message naming the allowed moves when `from -> to` is not in the graph. */
export function assertTransition(from: ApplicationStatus, to: ApplicationStatus): void {
  if (canTransition(from, to)) return;
  if (from === to) throw badInput(`The application is already ${from}`, undefined, HiringReason.ILLEGAL_TRANSITION);
  if (!isOpen(from))
    throw badInput(`The application is ${from}, which is final; it cannot become ${to}`, undefined, HiringReason.ILLEGAL_TRANSITION);
  throw badInput(
    `A ${from} application cannot become ${to}; it can only become ${nextStatuses(from).join(', ')}`,
    undefined,
    HiringReason.ILLEGAL_TRANSITION,
  );
}

/** The graph check plus who may make the move (HR runs the pipeline, the candidate decides for themselves). */
export function assertMove(from: ApplicationStatus, to: ApplicationStatus, actor: PipelineActor): void {
  assertTransition(from, to);
  const allowed = MOVED_BY[to];
  if (allowed === actor) return;
  if (allowed === PipelineActor.CANDIDATE)
    throw badInput(`Only the candidate can make an application ${to}`, undefined, HiringReason.ILLEGAL_TRANSITION);
  throw badInput(`Only HR can make an application ${to}`, undefined, HiringReason.ILLEGAL_TRANSITION);
}

/** A move through HR's plain pipeline mutation: the offer has its own use case (terms and the override rule). */
export function assertHrPipelineMove(from: ApplicationStatus, to: ApplicationStatus): void {
  if (to === ApplicationStatus.OFFERED && canTransition(from, to)) {
    throw badInput('Use makeOffer to offer the role: an offer carries its terms and the override rule');
  }
  assertMove(from, to, PipelineActor.HR);
}

/** Moves HR may make through the plain pipeline mutation (the offer has its own). */
export function hrPipelineTargets(from: ApplicationStatus): ApplicationStatus[] {
  return nextStatuses(from).filter((to) => MOVED_BY[to] === PipelineActor.HR && to !== ApplicationStatus.OFFERED);
}

/** Statuses in which the panel may score a candidate. */
export const SCORABLE_STATUSES: readonly ApplicationStatus[] = [ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW];

export function isScorable(status: ApplicationStatus): boolean {
  return SCORABLE_STATUSES.includes(status);
}
