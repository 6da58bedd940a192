export enum Persona {
  HR = 'HR',
  PANELIST = 'PANELIST',
  EDUCATOR = 'EDUCATOR',
  /** Runs and reads the fairness audit (aggregates only; never an individual's self-identification). */
  COMPLIANCE = 'COMPLIANCE',
}

/** Who is calling: resolved per request from a verified token and the current account row. */
export interface Principal {
  accountId: string;
  email: string;
  personas: ReadonlySet<Persona>;
  /** The educator profile this account is, when it holds the EDUCATOR persona. */
  educatorId: string | null;
}

export const isHr = (p: Principal | null | undefined): boolean => !!p && p.personas.has(Persona.HR);
