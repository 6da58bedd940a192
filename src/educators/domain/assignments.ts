import { badInput } from '../../common/app-error.js';

/** One building assignment: in the building from `startsOn` through `endsOn` (inclusive; null while it lasts). */
export interface Assignment {
  id: string;
  buildingId: string;
  startsOn: string;
  endsOn: string | null;
}

export interface Person {
  hireDate: string;
  leavingDate: string | null;
}

/** What to write for a move: either the open assignment gets another building (same day), or it ends and one starts. */
export type MovePlan =
  | { kind: 'REPLACE'; assignmentId: string; buildingId: string; startsOn: string }
  | { kind: 'MOVE'; close: { assignmentId: string; endsOn: string }; open: { buildingId: string; startsOn: string } };

export const dayBefore = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

const yearAfter = (day: string): string => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

/** The assignment without an end (there is exactly one; the latest). */
export function openAssignment(history: readonly Assignment[]): Assignment {
  const open = history.find((a) => a.endsOn === null);
  if (!open) throw new Error('An educator without an open building assignment breaks an invariant of building_assignment');
  return open;
}

/**
 * A move to `buildingId` from `effectiveFrom` (the first day in the new building). Moves are recorded in order: a
 * move takes effect after the current assignment started (on the very day it started, it corrects that assignment
 * instead), not before the hire date, before the leaving date, and at most a year ahead (moves for next school year
 * are recorded in advance; reports before that day keep the old building).
 */
export function planMove(
  person: Person,
  history: readonly Assignment[],
  buildingId: string,
  effectiveFrom: string,
  today: string,
): MovePlan {
  const open = openAssignment(history);
  if (effectiveFrom < person.hireDate) {
    throw badInput(
      `effectiveFrom ${effectiveFrom} is before the hire date ${person.hireDate}; a move takes effect on or after the hire date`,
    );
  }
  if (person.leavingDate !== null && effectiveFrom >= person.leavingDate) {
    throw badInput(`This educator leaves on ${person.leavingDate}; a move must take effect before the leaving date`);
  }
  if (effectiveFrom > yearAfter(today)) throw badInput('effectiveFrom must not be more than a year ahead');
  if (effectiveFrom < open.startsOn) {
    throw badInput(
      `The current building assignment started on ${open.startsOn}; a move must take effect on or after that day (moves are recorded in order)`,
    );
  }
  if (open.buildingId === buildingId) throw badInput('The educator is already assigned to this building; choose another building');
  if (effectiveFrom === open.startsOn) return { kind: 'REPLACE', assignmentId: open.id, buildingId, startsOn: open.startsOn };
  return {
    kind: 'MOVE',
    close: { assignmentId: open.id, endsOn: dayBefore(effectiveFrom) },
    open: { buildingId, startsOn: effectiveFrom },
  };
}

/**
 * A corrected hire date moves the start of the first assignment with it (the first assignment starts on the hire
 * date), as long as that first assignment has not ended before the new date. Returns the new start, or null when the
 * first assignment already starts then.
 */
export function firstStartFor(person: Person, history: readonly Assignment[], hireDate: string): string | null {
  if (person.leavingDate !== null && hireDate > person.leavingDate) {
    throw badInput(`hireDate ${hireDate} is after the leaving date ${person.leavingDate}; a hire date is on or before the leaving date`);
  }
  const first = [...history].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (!first || first.startsOn === hireDate) return null;
  if (first.endsOn !== null && hireDate > first.endsOn) {
    throw badInput(
      `hireDate ${hireDate} is after the end of the first building assignment (${first.endsOn}); correct the moves first or choose an earlier hire date`,
    );
  }
  return hireDate;
}
