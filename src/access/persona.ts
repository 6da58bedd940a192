export enum Persona {
  HR = 'HR',
  PANELIST = 'PANELIST',
  EDUCATOR = 'EDUCATOR',
  /** District leadership: every capacity report, with small counts hidden, and nothing about an individual's evidence, applications or scores. */
  LEADER = 'LEADER',
  /** Runs and reads the fairness audit (aggregates only; never an individual's self-identification). */
  COMPLIANCE = 'COMPLIANCE',
  /**
   * Endorses (or declines) evidence of educators assigned to the buildings HR scoped the account to: principals,
   * pilot leads, people who know the work. Never their own evidence.
   */
  ENDORSER = 'ENDORSER',
}

export const ALL_PERSONAS: readonly Persona[] = [
  Persona.HR,
  Persona.LEADER,
  Persona.COMPLIANCE,
  Persona.PANELIST,
  Persona.EDUCATOR,
  Persona.ENDORSER,
];

/** Who is calling: resolved per request from a verified token and the current account row. */
export interface Principal {
  accountId: string;
  email: string;
  personas: ReadonlySet<Persona>;
  /** The educator profile this account is, when it holds the EDUCATOR persona. */
  educatorId: string | null;
}

export const isHr = (p: Principal | null | undefined): boolean => !!p && p.personas.has(Persona.HR);
