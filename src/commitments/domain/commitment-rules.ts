import { badInput } from '../../common/app-error.js';

/**
 * A commitment never starts in the past by accident: recording one that began before today (an arrangement made
 * before Pathways) needs HR to say so with `backdated: true`.
 */
export function checkStart(startsOn: string, today: string, backdated: boolean): void {
  if (startsOn < today && !backdated) {
    throw badInput(`startsOn ${startsOn} is in the past; to record a commitment that already began, send backdated: true`);
  }
}

export function checkEnd(startsOn: string, endsOn: string | null): void {
  if (endsOn !== null && endsOn < startsOn)
    throw badInput(`endsOn ${endsOn} is before startsOn ${startsOn}; end it on or after the day it starts`);
}

/** Ending early moves the end date earlier (or sets one on an open-ended commitment); never later, never before the start. */
export function checkEndEarly(startsOn: string, currentEnd: string | null, endsOn: string): void {
  checkEnd(startsOn, endsOn);
  if (currentEnd !== null && endsOn >= currentEnd) {
    throw badInput(`endsOn ${endsOn} is not earlier than the current end ${currentEnd}; to extend a commitment, edit it instead`);
  }
}
