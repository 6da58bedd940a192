import { ErrorCode } from '../../common/app-error.js';
import {
  ApplicationStatus as S,
  assertHrPipelineMove,
  assertMove,
  assertTransition,
  canTransition,
  hrPipelineTargets,
  isOpen,
  isScorable,
  nextStatuses,
  OPEN_STATUSES,
  PipelineActor,
} from './application-status.js';

const ALL = Object.values(S);
const FINAL = [S.ACCEPTED, S.DECLINED, S.REJECTED, S.WITHDRAWN];

const expectBadInput = (fn: () => void, message?: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect((e as { code: string }).code).toBe(ErrorCode.BAD_USER_INPUT);
    if (message) expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a BAD_USER_INPUT error');
};

describe('application pipeline', () => {
  it('follows submitted -> screened -> shortlisted -> interview -> offered -> accepted or declined', () => {
    expect(canTransition(S.SUBMITTED, S.SCREENED)).toBe(true);
    expect(canTransition(S.SCREENED, S.SHORTLISTED)).toBe(true);
    expect(canTransition(S.SHORTLISTED, S.INTERVIEW)).toBe(true);
    expect(canTransition(S.INTERVIEW, S.OFFERED)).toBe(true);
    expect(canTransition(S.OFFERED, S.ACCEPTED)).toBe(true);
    expect(canTransition(S.OFFERED, S.DECLINED)).toBe(true);
  });

  it('allows rejected and withdrawn from every open state', () => {
    for (const from of OPEN_STATUSES) {
      expect(canTransition(from, S.REJECTED)).toBe(true);
      expect(canTransition(from, S.WITHDRAWN)).toBe(true);
    }
  });

  it('treats accepted, declined, rejected and withdrawn as final', () => {
    for (const from of FINAL) {
      expect(isOpen(from)).toBe(false);
      expect(nextStatuses(from)).toEqual([]);
      for (const to of ALL) expectBadInput(() => assertTransition(from, to), new RegExp(`${from}`));
    }
  });

  it('refuses every move outside the graph, naming the allowed ones', () => {
    const allowed = new Set([
      'SUBMITTED>SCREENED',
      'SCREENED>SHORTLISTED',
      'SHORTLISTED>INTERVIEW',
      'INTERVIEW>OFFERED',
      'OFFERED>ACCEPTED',
      'OFFERED>DECLINED',
      ...OPEN_STATUSES.flatMap((s) => [`${s}>REJECTED`, `${s}>WITHDRAWN`]),
    ]);
    for (const from of ALL) {
      for (const to of ALL) {
        expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
      }
    }
    expectBadInput(
      () => assertTransition(S.SUBMITTED, S.SHORTLISTED),
      /SUBMITTED application cannot become SHORTLISTED; it can only become SCREENED, REJECTED, WITHDRAWN/,
    );
    expectBadInput(() => assertTransition(S.SCREENED, S.SCREENED), /already SCREENED/);
    expectBadInput(() => assertTransition(S.SHORTLISTED, S.SUBMITTED));
  });

  it('lets HR run the pipeline and only the candidate withdraw, accept or decline', () => {
    expect(() => assertMove(S.SUBMITTED, S.SCREENED, PipelineActor.HR)).not.toThrow();
    expect(() => assertMove(S.INTERVIEW, S.REJECTED, PipelineActor.HR)).not.toThrow();
    expect(() => assertMove(S.SCREENED, S.WITHDRAWN, PipelineActor.CANDIDATE)).not.toThrow();
    expect(() => assertMove(S.OFFERED, S.ACCEPTED, PipelineActor.CANDIDATE)).not.toThrow();
    expectBadInput(() => assertMove(S.SCREENED, S.WITHDRAWN, PipelineActor.HR), /Only the candidate/);
    expectBadInput(() => assertMove(S.OFFERED, S.ACCEPTED, PipelineActor.HR), /Only the candidate/);
    expectBadInput(() => assertMove(S.SUBMITTED, S.SCREENED, PipelineActor.CANDIDATE), /Only HR/);
    expectBadInput(() => assertMove(S.SUBMITTED, S.REJECTED, PipelineActor.CANDIDATE), /Only HR/);
  });

  it('sends offers through the offer use case, not a plain pipeline move', () => {
    expect(() => assertMove(S.INTERVIEW, S.OFFERED, PipelineActor.HR)).not.toThrow();
    expectBadInput(() => assertHrPipelineMove(S.INTERVIEW, S.OFFERED), /makeOffer/);
    expectBadInput(() => assertHrPipelineMove(S.SHORTLISTED, S.OFFERED), /SHORTLISTED application cannot become OFFERED/);
    expectBadInput(() => assertHrPipelineMove(S.SCREENED, S.WITHDRAWN), /Only the candidate/);
    expect(() => assertHrPipelineMove(S.SCREENED, S.SHORTLISTED)).not.toThrow();
    expect(hrPipelineTargets(S.INTERVIEW)).toEqual([S.REJECTED]);
    expect(hrPipelineTargets(S.SUBMITTED)).toEqual([S.SCREENED, S.REJECTED]);
    expect(hrPipelineTargets(S.ACCEPTED)).toEqual([]);
  });

  it('lets the panel score shortlisted and interviewing candidates only', () => {
    expect(ALL.filter(isScorable)).toEqual([S.SHORTLISTED, S.INTERVIEW]);
  });
});
