import { AuditDimension, categoriesOf, categoryIn, categoryLabel, type Demographics } from './categories.js';

/**
 * NYC Local Law 144 arithmetic, and nothing else: per category, rate = selected / assessed; impact ratio =
 * the category's rate / the highest category's rate. Unknowns are counted and reported apart and never
 * enter a ratio. Optionally, categories under 2% of the data are left out of the ratios (still reported).
 * A ratio under 0.8 is flagged (the EEOC four-fifths rule, which LL144 itself does not set).
 */
export const FOUR_FIFTHS = 0.8;
export const SMALL_CATEGORY_SHARE = 0.02;

export interface Outcome {
  demographics: Demographics;
  selected: boolean;
}

export interface RatioOptions {
  /** Leave categories under 2% of the data out of the ratios. */
  excludeUnderTwoPercent: boolean;
  /** Categories with fewer people assessed than this are marked too small to read. */
  minCategorySize: number;
}

export interface CategoryFigures {
  category: string;
  label: string;
  assessed: number;
  selected: number;
  /** selected / assessed; null when nobody was assessed. */
  rate: number | null;
  /** assessed / everyone assessed (unknowns included); null when nobody was assessed at all. */
  shareOfData: number | null;
  excludedFromRatios: boolean;
  tooSmall: boolean;
  impactRatio: number | null;
  /** impactRatio < 0.8. */
  flagged: boolean;
}

export interface UnknownFigures {
  assessed: number;
  selected: number;
  rate: number | null;
}

export interface DimensionFigures {
  dimension: AuditDimension;
  categories: CategoryFigures[];
  unknown: UnknownFigures;
  /** The category every ratio is against; null when no category has a rate above zero. */
  highestCategory: string | null;
  /** Why there are no ratios, when there are none. */
  note: string | null;
}

/** One division of integers, so the result is the correctly rounded value of the exact fraction. */
const fraction = (num: number, den: number): number | null => (den === 0 ? null : num / den);

export function dimensionFigures(dimension: AuditDimension, outcomes: readonly Outcome[], options: RatioOptions): DimensionFigures {
  const counts = new Map(categoriesOf(dimension).map((c) => [c, { assessed: 0, selected: 0 }]));
  const unknown = { assessed: 0, selected: 0 };
  for (const o of outcomes) {
    const category = categoryIn(dimension, o.demographics);
    const bucket = category === null ? unknown : (counts.get(category) as { assessed: number; selected: number });
    bucket.assessed += 1;
    if (o.selected) bucket.selected += 1;
  }
  const total = outcomes.length;
  const rows = [...counts].map(([category, c]) => {
    const shareOfData = fraction(c.assessed, total);
    const excluded = c.assessed === 0 || (options.excludeUnderTwoPercent && (shareOfData as number) < SMALL_CATEGORY_SHARE);
    return { category, ...c, rate: fraction(c.selected, c.assessed), shareOfData, excluded };
  });

  // Highest rate among the categories that take part; ties go to the first in reporting order.
  let highest: (typeof rows)[number] | null = null;
  for (const r of rows) if (!r.excluded && r.rate !== null && (highest === null || r.rate > (highest.rate as number))) highest = r;
  const reference = highest && highest.selected > 0 ? highest : null;

  const categories: CategoryFigures[] = rows.map((r) => {
    // (s_i / n_i) / (s_h / n_h) as one division of integers: s_i * n_h / (n_i * s_h).
    const impactRatio = reference && !r.excluded ? fraction(r.selected * reference.assessed, r.assessed * reference.selected) : null;
    return {
      category: r.category,
      label: categoryLabel(dimension, r.category),
      assessed: r.assessed,
      selected: r.selected,
      rate: r.rate,
      shareOfData: r.shareOfData,
      excludedFromRatios: r.excluded,
      tooSmall: r.assessed < options.minCategorySize,
      impactRatio,
      flagged: impactRatio !== null && impactRatio < FOUR_FIFTHS,
    };
  });

  let note: string | null = null;
  if (total === 0) note = 'Nobody was assessed at this step in the period.';
  else if (!rows.some((r) => !r.excluded)) note = 'Nobody in a known category was assessed at this step; only unknowns, reported apart.';
  else if (!reference) note = 'Nobody in a category taking part in the ratios was selected, so no ratio can be computed.';

  return {
    dimension,
    categories,
    unknown: { ...unknown, rate: fraction(unknown.selected, unknown.assessed) },
    highestCategory: reference?.category ?? null,
    note,
  };
}

/** Sex, race/ethnicity and every intersection, for one measure. */
export function allDimensions(outcomes: readonly Outcome[], options: RatioOptions): DimensionFigures[] {
  return [AuditDimension.SEX, AuditDimension.RACE_ETHNICITY, AuditDimension.INTERSECTION].map((d) =>
    dimensionFigures(d, outcomes, options),
  );
}
