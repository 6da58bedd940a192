import { Persona, type Principal } from '../access/persona.js';
import type { AccountsService } from '../accounts/accounts.service.js';
import type { CsvRecord } from './csv-source.js';
import {
  evidenceSignature,
  parseEvidenceRow,
  parseVerificationRow,
  type EvidenceClaimRow,
  type VerificationRow,
} from './domain/evidence-rows.js';
import { parseAccountRow, parseCommitmentRow, type AccountRow, type CommitmentRow } from './domain/people-rows.js';
import type { RowError } from './domain/rows.js';
import { EVIDENCE_ITEM } from './domain/columns.js';
import { ARCHIVE_RESTORE_DAYS, restorableUntil } from '../evidence/domain/trust.js';
import type { BatchOutcome, KindHandler } from './import-kinds.js';
import type { ImportsRepository } from './imports.repository.js';
import { MoreImportsRepository, type ExistingAccount, type ExistingCompetency, type EvidenceWrite } from './imports.repository.js';

/** What the kinds beyond the roster need from the run: who imports, today, and the account service for invitations. */
export interface KindContext {
  actor: Principal;
  today: string;
  accounts?: AccountsService;
}

type Batch<T> = { row: number; value: T }[];

const stale = (row: number, current: number, given: number): RowError => ({
  row,
  column: 'version',
  code: 'STALE_VERSION',
  message: `This record is at version ${current} but the row says ${given}: it changed since your export; export again, or empty the version cell to overwrite`,
});

/**
 * An evidence key whose item is archived (soft-deleted): a file neither updates nor brings back what its owner or HR
 * archived. Restoring stays the owner's deliberate act (restoreEvidence, within the window); the export leaves archived
 * items out, so an export imports back without meeting one.
 */
export const archivedError = (row: number, key: string, archivedAt: Date, now = new Date()): RowError => {
  const until = restorableUntil(archivedAt);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    row,
    column: 'evidence_key',
    code: 'EVIDENCE_ARCHIVED',
    message:
      now.getTime() <= until.getTime()
        ? `evidence_key "${key}" names an item archived on ${day(archivedAt)}; a file does not bring it back: its owner can restore it (restoreEvidence) until ${day(until)} and you import again, or take its rows out of this file`
        : `evidence_key "${key}" names an item archived on ${day(archivedAt)}, past its ${ARCHIVE_RESTORE_DAYS}-day restore window: it cannot come back; take its rows out of this file`,
  };
};

const more = (repo: ImportsRepository) => new MoreImportsRepository(repo.manager);

/** Accounts keyed by email. New ones get an invitation (a one-time set-password link, mailed); a file never holds a password. */
export class AccountsKind implements KindHandler<AccountRow> {
  private byEmail = new Map<string, ExistingAccount>();
  private linked = new Map<string, string>();
  private enabledHr = 0;

  constructor(private readonly ctx: KindContext) {}

  parse(r: CsvRecord) {
    return parseAccountRow(r.cells, r.row);
  }

  uniques(row: AccountRow): [string, string][] {
    return row.employeeId
      ? [
          ['email', row.email],
          ['employee_id', row.employeeId],
        ]
      : [['email', row.email]];
  }

  async load(repo: ImportsRepository): Promise<void> {
    const all = await more(repo).accounts();
    this.byEmail = new Map(all.map((a) => [a.email.toLowerCase(), a]));
    this.linked = new Map(all.filter((a) => a.educatorId).map((a) => [a.educatorId!, a.email.toLowerCase()]));
    this.enabledHr = all.filter((a) => !a.disabled && a.personas.includes(Persona.HR)).length;
  }

  async classify(batch: Batch<AccountRow>, repo: ImportsRepository): Promise<BatchOutcome> {
    const educators = await more(repo).educatorIds(batch.flatMap((b) => (b.value.employeeId ? [b.value.employeeId] : [])));
    const creates: { row: AccountRow; educatorId: string | null }[] = [];
    const updates: { id: string; version: number; displayName: string; personas: string[]; educatorId: string | null }[] = [];
    const errors: RowError[] = [];
    let unchanged = 0;
    for (const { row, value } of batch) {
      const educatorId = value.employeeId ? educators.get(value.employeeId) : null;
      if (educatorId === undefined) {
        errors.push({
          row,
          column: 'employee_id',
          code: 'UNKNOWN_EDUCATOR',
          message: `No educator has employee_id "${value.employeeId}"; import the educator first or correct the id`,
        });
        continue;
      }
      const holder = educatorId ? this.linked.get(educatorId) : undefined;
      if (holder && holder !== value.email) {
        errors.push({
          row,
          column: 'employee_id',
          code: 'EDUCATOR_LINKED',
          message: `Educator ${value.employeeId} already belongs to the account ${holder}; unlink it there first`,
        });
        continue;
      }
      const current = this.byEmail.get(value.email);
      if (value.personas.includes(Persona.ENDORSER) && !current?.personas.includes(Persona.ENDORSER)) {
        errors.push({
          row,
          column: 'personas',
          code: 'ENDORSER_NEEDS_BUILDINGS',
          message: `ENDORSER needs the buildings ${value.email} may endorse in, which a file cannot give; leave ENDORSER out here and add it with updateAccount and endorserBuildingIds`,
        });
        continue;
      }
      if (!current) {
        creates.push({ row: value, educatorId });
        continue;
      }
      const same =
        current.displayName === value.displayName &&
        current.educatorId === educatorId &&
        [...current.personas].sort().join() === [...value.personas].sort().join();
      if (same) unchanged += 1;
      else if (value.version !== null && value.version !== current.version) errors.push(stale(row, current.version, value.version));
      else if (!current.disabled && current.personas.includes(Persona.HR) && !value.personas.includes(Persona.HR) && this.enabledHr <= 1) {
        errors.push({
          row,
          column: 'personas',
          code: 'LAST_HR',
          message: `${value.email} is the last enabled HR account; keep HR on it, or give HR to someone else first`,
        });
      } else {
        if (!current.disabled && current.personas.includes(Persona.HR) && !value.personas.includes(Persona.HR)) this.enabledHr -= 1;
        updates.push({ id: current.id, version: current.version, displayName: value.displayName, personas: value.personas, educatorId });
      }
    }
    return {
      created: creates.length,
      updated: updates.length,
      unchanged,
      errors,
      apply: async (r) => {
        if (creates.length && !this.ctx.accounts) throw new Error('account imports need the account service');
        // One statement per table for the whole batch; each new account invited and audited as createAccount does.
        await this.ctx.accounts?.createMany(
          this.ctx.actor,
          creates.map((c) => ({ email: c.row.email, displayName: c.row.displayName, personas: c.row.personas, educatorId: c.educatorId })),
          r.manager,
          'import',
        );
        return (await more(r).updateAccounts(updates)) === updates.length;
      },
    };
  }
}

/**
 * Hybrid commitments agreed outside Pathways, keyed by employee id + role title + start date (a district's HR
 * system names an assignment by who, what and from when). The FTE and end date of a known commitment can change.
 */
export class CommitmentsKind implements KindHandler<CommitmentRow> {
  parse(r: CsvRecord) {
    return parseCommitmentRow(r.cells, r.row);
  }

  uniques(row: CommitmentRow): [string, string][] {
    return [['role_title', `${row.employeeId} / ${row.roleTitle} / ${row.startsOn}`]];
  }

  async load(): Promise<void> {}

  async classify(batch: Batch<CommitmentRow>, repo: ImportsRepository): Promise<BatchOutcome> {
    const ids = [...new Set(batch.map((b) => b.value.employeeId))];
    const educators = await more(repo).educatorIds(ids);
    const existing = new Map(
      (await more(repo).commitmentsOf(ids)).map((c) => [`${c.employeeId}\u0000${c.roleTitle}\u0000${c.startsOn}`, c]),
    );
    const creates: { educatorId: string; roleTitle: string; roleFte: number; startsOn: string; endsOn: string | null }[] = [];
    const updates: { id: string; version: number; roleFte: number; endsOn: string | null }[] = [];
    const errors: RowError[] = [];
    let unchanged = 0;
    for (const { row, value } of batch) {
      const educatorId = educators.get(value.employeeId);
      if (!educatorId) {
        errors.push({
          row,
          column: 'employee_id',
          code: 'UNKNOWN_EDUCATOR',
          message: `No educator has employee_id "${value.employeeId}"; import the educator first or correct the id`,
        });
        continue;
      }
      const current = existing.get(`${value.employeeId}\u0000${value.roleTitle}\u0000${value.startsOn}`);
      if (!current) creates.push({ educatorId, ...value });
      else if (current.roleFte === value.roleFte && current.endsOn === value.endsOn) unchanged += 1;
      else if (value.version !== null && value.version !== current.version) errors.push(stale(row, current.version, value.version));
      else updates.push({ id: current.id, version: current.version, roleFte: value.roleFte, endsOn: value.endsOn });
    }
    return {
      created: creates.length,
      updated: updates.length,
      unchanged,
      errors,
      apply: async (r) => {
        await more(r).insertCommitments(creates);
        return (await more(r).updateCommitments(updates)) === updates.length;
      },
    };
  }
}

/** Item columns as they appear in the signature, to name the first one two rows of an item disagree on. */
const SIGNATURE_COLUMNS = EVIDENCE_ITEM.filter((c) => c !== 'evidence_key');

/**
 * Evidence with its claims: one row per claim, the rows of one item together and keyed by evidence_key. A batch
 * always holds whole items (the run cuts batches between items only). An item's claims become exactly the file's.
 */
export class EvidenceKind implements KindHandler<EvidenceClaimRow> {
  private byCode = new Map<string, ExistingCompetency[]>();
  private byCase = new Map<string, ExistingCompetency>();

  parse(r: CsvRecord) {
    return parseEvidenceRow(r.cells, r.row);
  }

  /** Duplicates are checked within an item (its rows are together), so memory stays flat however long the file. */
  uniques(): [string, string][] {
    return [];
  }

  group(row: EvidenceClaimRow): string {
    return row.evidenceKey;
  }

  async load(repo: ImportsRepository): Promise<void> {
    const all = await more(repo).competencies();
    this.byCode = new Map();
    for (const c of all) this.byCode.set(c.code.toUpperCase(), [...(this.byCode.get(c.code.toUpperCase()) ?? []), c]);
    this.byCase = new Map(all.map((c) => [c.caseIdentifier.toLowerCase(), c]));
  }

  async classify(batch: Batch<EvidenceClaimRow>, repo: ImportsRepository): Promise<BatchOutcome> {
    const groups = new Map<string, Batch<EvidenceClaimRow>>();
    for (const b of batch) groups.set(b.value.evidenceKey, [...(groups.get(b.value.evidenceKey) ?? []), b]);
    const educators = await more(repo).educatorIds([...new Set(batch.map((b) => b.value.employeeId))]);
    const existing = new Map((await more(repo).evidenceByKeys([...groups.keys()])).map((e) => [e.key, e]));
    const creates: EvidenceWrite[] = [];
    const updates: (EvidenceWrite & { id: string; version: number })[] = [];
    const errors: RowError[] = [];
    let unchanged = 0;
    for (const [key, rows] of groups) {
      const before = errors.length;
      const first = rows[0];
      const item = first.value;
      const current = existing.get(key);
      if (current?.archivedAt) {
        errors.push(archivedError(first.row, key, current.archivedAt));
        continue;
      }
      for (const { row, value } of rows.slice(1)) {
        if (value.signature !== item.signature) {
          const [a, b] = [JSON.parse(item.signature) as unknown[], JSON.parse(value.signature) as unknown[]];
          const column = SIGNATURE_COLUMNS[a.findIndex((v, i) => v !== b[i])] ?? 'evidence_key';
          errors.push({
            row,
            column,
            code: 'ITEM_ROWS_DISAGREE',
            message: `${column} differs from row ${first.row} of the same evidence_key "${key}"; repeat the item's columns exactly on each of its rows`,
          });
        }
      }
      const educatorId = educators.get(item.employeeId);
      if (!educatorId)
        errors.push({
          row: first.row,
          column: 'employee_id',
          code: 'UNKNOWN_EDUCATOR',
          message: `No educator has employee_id "${item.employeeId}"; import the educator first or correct the id`,
        });
      const held = new Set(current?.claims.map((c) => c.competencyId));
      const claims: { competencyId: string; level: number }[] = [];
      const seen = new Map<string, number>();
      for (const { row, value } of rows) {
        if (value.competency === null) {
          if (rows.length > 1)
            errors.push({
              row,
              column: 'competency',
              code: 'REQUIRED',
              message: 'competency is empty on a row of an item with several rows; every row of an item is one claim',
            });
          continue;
        }
        const found = this.competency(value.competency);
        if (typeof found === 'string') {
          errors.push({
            row,
            column: 'competency',
            code: found,
            message:
              found === 'UNKNOWN_COMPETENCY'
                ? `No competency has the code or CASE identifier "${value.competency}"; see the competency frameworks for the codes`
                : `The code "${value.competency}" is used by several frameworks; give the competency's CASE identifier instead`,
          });
          continue;
        }
        const earlier = seen.get(found.id);
        if (earlier !== undefined) {
          errors.push({
            row,
            column: 'competency',
            code: 'DUPLICATE_KEY',
            message: `competency "${value.competency}" is also claimed on row ${earlier} for evidence_key "${key}"; keep one row per competency`,
          });
          continue;
        }
        seen.set(found.id, row);
        if (!found.levels.includes(value.level!)) {
          errors.push({
            row,
            column: 'level',
            code: 'LEVEL_OUT_OF_RANGE',
            message: `level ${value.level} is outside ${value.competency}'s levels (${found.levels[0]}-${found.levels[found.levels.length - 1]}); give a level within that range`,
          });
          continue;
        }
        if (found.retired && !held.has(found.id)) {
          errors.push({
            row,
            column: 'competency',
            code: 'COMPETENCY_RETIRED',
            message: `${value.competency} is retired and takes no new claims; claim its successor instead`,
          });
          continue;
        }
        claims.push({ competencyId: found.id, level: value.level! });
      }
      if (errors.length > before || !educatorId) continue;
      const write: EvidenceWrite = { key, educatorId, kind: item.kind, common: item.common, details: item.details, claims };
      if (!current) {
        creates.push(write);
        continue;
      }
      if (current.educatorId !== educatorId) {
        errors.push({
          row: first.row,
          column: 'employee_id',
          code: 'OWNER_CHANGED',
          message: `evidence_key "${key}" belongs to employee ${current.employeeId ?? '(none)'}; an item cannot move to another educator: use a new key`,
        });
        continue;
      }
      const sameItem = evidenceSignature(item.employeeId, current.kind, current, current) === item.signature;
      const sameClaims =
        current.claims.length === claims.length &&
        claims.every((c) => current.claims.some((h) => h.competencyId === c.competencyId && h.level === c.level));
      const version = rows.find((r) => r.value.version !== null)?.value.version ?? null;
      if (sameItem && sameClaims) unchanged += 1;
      else if (version !== null && version !== current.version) errors.push(stale(first.row, current.version, version));
      else updates.push({ ...write, id: current.id, version: current.version });
    }
    return {
      created: creates.length,
      updated: updates.length,
      unchanged,
      errors,
      apply: async (r) => {
        await more(r).stageEvidence(creates);
        return (await more(r).updateEvidence(updates)) === updates.length;
      },
    };
  }

  async finish(repo: ImportsRepository): Promise<void> {
    await more(repo).insertStagedEvidence();
  }

  private competency(ref: string): ExistingCompetency | 'UNKNOWN_COMPETENCY' | 'AMBIGUOUS_COMPETENCY' {
    const byCase = this.byCase.get(ref.toLowerCase());
    if (byCase) return byCase;
    const byCode = this.byCode.get(ref.toUpperCase()) ?? [];
    if (byCode.length === 1) return byCode[0];
    return byCode.length ? 'AMBIGUOUS_COMPETENCY' : 'UNKNOWN_COMPETENCY';
  }
}

/**
 * HR's verification decisions on evidence, keyed by evidence_key (one decision per item per file). A decision
 * decides the item's pending request or is recorded as a decided one; VERIFIED and ENDORSED set the item's status.
 */
export class VerificationsKind implements KindHandler<VerificationRow> {
  constructor(private readonly ctx: KindContext) {}

  parse(r: CsvRecord) {
    return parseVerificationRow(r.cells, r.row, this.ctx.today);
  }

  uniques(row: VerificationRow): [string, string][] {
    return [['evidence_key', row.evidenceKey]];
  }

  async load(): Promise<void> {}

  async classify(batch: Batch<VerificationRow>, repo: ImportsRepository): Promise<BatchOutcome> {
    const existing = new Map((await more(repo).decisionsByKeys(batch.map((b) => b.value.evidenceKey))).map((d) => [d.key, d]));
    const writes: {
      evidenceId: string;
      educatorId: string;
      pendingId: string | null;
      version: number;
      decision: string;
      reason: string;
      decidedOn: string;
    }[] = [];
    const errors: RowError[] = [];
    let unchanged = 0;
    for (const { row, value } of batch) {
      const current = existing.get(value.evidenceKey);
      if (!current) {
        errors.push({
          row,
          column: 'evidence_key',
          code: 'UNKNOWN_EVIDENCE',
          message: `No evidence has the key "${value.evidenceKey}"; import the evidence first or copy the key from the evidence export`,
        });
        continue;
      }
      if (current.archivedAt) {
        errors.push(archivedError(row, value.evidenceKey, current.archivedAt));
        continue;
      }
      if (this.ctx.actor.educatorId !== null && this.ctx.actor.educatorId === current.educatorId) {
        errors.push({
          row,
          column: 'evidence_key',
          code: 'OWN_EVIDENCE',
          message: 'Nobody decides on their own evidence; leave this row to another HR colleague',
        });
        continue;
      }
      if (current.decision === value.decision && current.reason === value.reason && current.decidedOn === value.decidedOn) unchanged += 1;
      else if (value.version !== null && value.version !== current.version) errors.push(stale(row, current.version, value.version));
      else
        writes.push({
          evidenceId: current.evidenceId,
          educatorId: current.educatorId,
          pendingId: current.pendingId,
          version: current.version,
          decision: value.decision,
          reason: value.reason,
          decidedOn: value.decidedOn,
        });
    }
    const moves = writes.filter((w) => w.decision !== 'REJECTED').length;
    return {
      created: writes.length,
      updated: 0,
      unchanged,
      errors,
      apply: async (r) => (await more(r).applyDecisions(writes, this.ctx.actor.email)) === moves,
    };
  }
}
