import { badInput } from '../../common/app-error.js';

/**
 * A hire date may be up to a year ahead (contracts signed for next school year) but not further,
 * and not before 1900: anything else is a typo that would distort years of service.
 */
export function checkHireDate(hireDate: string, today: Date = new Date()): void {
  const limit = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate()));
  if (hireDate > limit.toISOString().slice(0, 10)) throw badInput('hireDate must not be more than a year in the future');
  if (hireDate < '1900-01-01') throw badInput('hireDate must not be before 1900');
}
