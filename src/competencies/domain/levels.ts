import { badInput } from '../../common/app-error.js';

/** Proficiency levels are numbered 1..n with no gaps or repeats, so "higher" always means "more". */
export function checkLevelsContiguous(levels: number[]): void {
  const sorted = [...levels].sort((a, b) => a - b);
  sorted.forEach((level, i) => {
    if (level !== i + 1) throw badInput(`Levels must be numbered 1..${levels.length} without gaps or repeats`);
  });
}
