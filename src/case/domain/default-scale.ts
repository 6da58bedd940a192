import type { PlannedLevel } from './plan-import.js';

/** The district's default proficiency scale, given to imported competencies whose package has no rubric. */
export const DEFAULT_SCALE: readonly PlannedLevel[] = [
  { level: 1, label: 'Aware', descriptor: 'Knows the ideas and can describe them', identifier: null },
  { level: 2, label: 'Practising', descriptor: 'Applies it in their own teaching, with results they can show', identifier: null },
  {
    level: 3,
    label: 'Leading others',
    descriptor: 'Helps colleagues do it: coaching, designing and delivering professional learning, leading pilots',
    identifier: null,
  },
  { level: 4, label: 'Shaping the system', descriptor: 'Shapes district practice, policy or programmes', identifier: null },
];
