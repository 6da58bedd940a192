import { createReadStream, createWriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { Injectable, Optional } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { districtToday } from '../common/clock.js';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, conflict, CommonReason, ErrorCode, notFound } from '../common/app-error.js';
import { FileProblem, NOT_UTF8, readCsv, type CsvRecord } from './csv-source.js';
import { checkHeader, IMPORT_KINDS, type ImportKind } from './domain/columns.js';
import type { RowError } from './domain/rows.js';
import { BuildingsKind, EducatorsKind, type KindHandler } from './import-kinds.js';
import { AccountsKind, CommitmentsKind, EvidenceKind, VerificationsKind, type KindContext } from './more-kinds.js';
import { ImportJobEntity } from './import-job.entity.js';
import { ImportsRepository } from './imports.repository.js';

/** Rows checked against the database per statement; also how often progress is saved and cancellation seen. */
export const BATCH_ROWS = 1000;
/** Errors kept on the job (all are counted): enough to fix a file, bounded however bad the file is. */
export const MAX_REPORTED_ERRORS = 500;
/** The largest upload: far above a district's roster, and bounded on disk. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

interface RunTotals {
  rowsRead: number;
  rowsValid: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: RowError[];
}

class Cancelled extends Error {}

/**
 * Import jobs. An upload is streamed to a private temporary file (hashed and checked on the way), then read back
 * row by row: a preview validates and counts without writing; a commit reads the same file again inside one
 * transaction and writes it batch by batch, so either all of it lands or none does.
 */
@Injectable()
export class ImportsService {
  /** Uploaded files by job, kept on local disk until commit or cancel (a single-instance service). */
  private readonly files = new Map<string, string>();
  /** Milliseconds spent reading rows, checking batches against the database, and writing them (the bench profiles with it). */
  readonly timings = { parse: 0, check: 0, write: 0 };

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    /** Account imports invite new people through it; the other kinds (and the bench) run without it. */
    @Optional() private readonly accounts?: AccountsService,
  ) {}

  private handler(kind: ImportKind, ctx: KindContext): KindHandler<unknown> {
    switch (kind) {
      case 'buildings':
        return new BuildingsKind() as KindHandler<unknown>;
      case 'educators':
        return new EducatorsKind() as KindHandler<unknown>;
      case 'accounts':
        return new AccountsKind(ctx) as KindHandler<unknown>;
      case 'commitments':
        return new CommitmentsKind() as KindHandler<unknown>;
      case 'evidence':
        return new EvidenceKind() as KindHandler<unknown>;
      case 'verifications':
        return new VerificationsKind(ctx) as KindHandler<unknown>;
    }
  }

  async preview(actor: Principal, kind: ImportKind, delimiter: string, body: Readable): Promise<ImportJobEntity> {
    const jobs = this.db.getRepository(ImportJobEntity);
    const job = await jobs.save(jobs.create({ kind, phase: 'VALIDATING', delimiter, createdBy: actor.accountId, errors: [] }));
    const dir = await mkdtemp(join(tmpdir(), 'pathways-import-'));
    const file = join(dir, 'upload.csv');
    const meter = new UploadMeter(MAX_FILE_BYTES);
    try {
      await pipeline(body, meter, createWriteStream(file, { mode: 0o600 }));
      job.fileSha256 = meter.digest();
      job.fileBytes = meter.bytes;
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      await jobs.update(job.id, { phase: 'REJECTED' });
      throw e instanceof AppError ? e : badInput('The upload was interrupted; send the file again');
    }
    this.files.set(job.id, file);
    const totals = await this.run(actor, job, file, this.db.manager, false);
    const phase = totals.errorCount ? 'REJECTED' : 'PREVIEWED';
    await this.save(job, totals, phase);
    if (phase === 'REJECTED') await this.discard(job.id);
    await this.audit.record(actor, { action: 'IMPORT_PREVIEWED', targetType: 'ImportJob', targetId: job.id, changes: summary(job) });
    return job;
  }

  /** Applies a previewed job's file in one transaction; any error (or a record changed since) writes nothing. */
  async commit(actor: Principal, id: string): Promise<ImportJobEntity> {
    const jobs = this.db.getRepository(ImportJobEntity);
    const job = await this.get(id);
    const file = this.files.get(id);
    if (job.phase !== 'PREVIEWED' || !file) {
      throw conflict(
        `This import is ${job.phase.toLowerCase()}; only a previewed import with no errors can be committed (upload the file again for a new preview)`,
      );
    }
    const claimed = await jobs.update({ id, phase: 'PREVIEWED' }, { phase: 'COMMITTING' });
    if (!claimed.affected) throw conflict('This import is being committed or was cancelled just now', CommonReason.CONCURRENT_CHANGE);
    job.phase = 'COMMITTING';
    let totals: RunTotals;
    try {
      totals = await this.db.transaction(async (m) => {
        const t = await this.run(actor, job, file, m, true);
        if (t.errorCount) throw new RowsRefused(t);
        Object.assign(job, totalsToJob(t));
        await this.audit.record(actor, { action: 'IMPORT_COMMITTED', targetType: 'ImportJob', targetId: id, changes: summary(job) }, m);
        return t;
      });
    } catch (e) {
      if (e instanceof RowsRefused) {
        // The database moved since the preview (a building archived, an email taken): nothing written, the new errors shown.
        await this.save(job, e.totals, 'REJECTED');
        await this.discard(id);
        return job;
      }
      if (e instanceof Cancelled) return this.get(id);
      await jobs.update(id, { phase: 'PREVIEWED' });
      if (isUniqueViolation(e))
        throw conflict(
          'A record in this file was created by someone else during the commit; preview the file again',
          CommonReason.CONCURRENT_CHANGE,
        );
      throw e;
    }
    await this.save(job, totals, 'COMMITTED', new Date());
    await this.discard(id);
    return job;
  }

  /** Cancels a job that is not committed: its file is deleted and it can no longer be committed. */
  async cancel(actor: Principal, id: string): Promise<ImportJobEntity> {
    const job = await this.get(id);
    const res = await this.db
      .getRepository(ImportJobEntity)
      .createQueryBuilder()
      .update()
      .set({ phase: 'CANCELLED' })
      .where('id = :id AND phase IN (:...phases)', { id, phases: ['VALIDATING', 'PREVIEWED', 'COMMITTING'] })
      .execute();
    if (!res.affected) throw conflict(`This import is ${job.phase.toLowerCase()} and can no longer be cancelled`);
    if (job.phase === 'PREVIEWED') await this.discard(id);
    await this.audit.record(actor, { action: 'IMPORT_CANCELLED', targetType: 'ImportJob', targetId: id, changes: summary(job) });
    return this.get(id);
  }

  async get(id: string): Promise<ImportJobEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw badInput('The import id must be a UUID as returned by the upload');
    const job = await this.db.getRepository(ImportJobEntity).findOneBy({ id });
    if (!job) throw notFound('Import', id);
    return job;
  }

  private async run(actor: Principal, job: ImportJobEntity, file: string, m: EntityManager, write: boolean): Promise<RunTotals> {
    const handler = this.handler(job.kind as ImportKind, { actor, today: districtToday(), accounts: this.accounts });
    const repo = new ImportsRepository(m);
    await handler.load(repo);
    const t: RunTotals = { rowsRead: 0, rowsValid: 0, created: 0, updated: 0, unchanged: 0, errorCount: 0, errors: [] };
    const fail = (e: RowError) => {
      t.errorCount += 1;
      if (t.errors.length < MAX_REPORTED_ERRORS) t.errors.push(e);
    };
    const seen = new Map<string, number>();
    // Multi-row records: the groups already finished (a key seen again later is refused) and the one being read.
    const closed = new Map<string, number>();
    let open: { key: string; row: number } | null = null;
    let batch: { row: number; value: unknown }[] = [];
    let columnCount = 0;
    const flush = async () => {
      if (!batch.length) return;
      let at = performance.now();
      const outcome = await handler.classify(batch, repo);
      this.timings.check += performance.now() - at;
      outcome.errors.forEach(fail);
      t.rowsValid += batch.length - outcome.errors.length;
      t.created += outcome.created;
      t.updated += outcome.updated;
      t.unchanged += outcome.unchanged;
      batch = [];
      at = performance.now();
      const applied = write && !t.errorCount ? await outcome.apply(repo) : true;
      this.timings.write += performance.now() - at;
      if (!applied) {
        throw conflict(
          'A record in this file was changed by someone else during the commit; preview the file again',
          CommonReason.STALE_VERSION,
        );
      }
      await this.progress(job.id, t);
    };
    try {
      await readCsv(
        createReadStream(file),
        job.delimiter,
        (header) => {
          const { columns, problems } = checkHeader(job.kind as ImportKind, header);
          columnCount = columns.length;
          if (!problems.length) return columns;
          const other = otherDelimiter(job.kind as ImportKind, header, job.delimiter);
          if (other) throw new FileProblem('WRONG_DELIMITER', other, 1);
          const kind = IMPORT_KINDS.find((k) => k !== job.kind && !checkHeader(k, header).problems.length);
          if (kind)
            throw new FileProblem(
              'WRONG_KIND',
              `This is a ${kind} file (its header is exactly that kind's), uploaded as ${job.kind}; upload it to /imports/${kind}`,
              1,
            );
          for (const p of problems) fail({ row: 1, column: p.column, code: p.code, message: p.message });
          // Only extra columns: the rows are still read and checked, so one preview lists every problem (the job is refused anyway).
          if (problems.some((p) => p.code !== 'UNKNOWN_COLUMN')) throw new HeaderRefused();
          return columns;
        },
        async (record) => {
          t.rowsRead += 1;
          if (record.cellCount !== undefined) {
            fail({
              row: record.row,
              column: null,
              code: 'WRONG_CELL_COUNT',
              message: `Row ${record.row} has ${record.cellCount} cells but the header has ${columnCount}; put a value that holds the delimiter (such as "Chen, Ari") in double quotes, or remove the extra delimiters`,
            });
            return;
          }
          const at = performance.now();
          const { value, errors } = handler.parse(record);
          this.timings.parse += performance.now() - at;
          const garbled = notUtf8(record);
          if (garbled.length) {
            // Bytes that are not UTF-8: that cell's other complaints would only echo the encoding, so they are dropped.
            garbled.forEach(fail);
            errors.filter((e) => !garbled.some((g) => g.column === e.column)).forEach(fail);
            return;
          }
          errors.forEach(fail);
          if (!value) return;
          const group = handler.group?.(value);
          if (group !== undefined && group !== open?.key) {
            const earlier = closed.get(group);
            if (earlier !== undefined) {
              fail({
                row: record.row,
                column: 'evidence_key',
                code: 'ROWS_NOT_TOGETHER',
                message: `evidence_key "${group}" was already used on row ${earlier} with other items in between; put all rows of one item together`,
              });
              return;
            }
            if (open) closed.set(open.key, open.row);
            // A batch ends between records only, so each record is checked and written whole.
            if (batch.length >= BATCH_ROWS) await flush();
            open = { key: group, row: record.row };
          }
          for (const [column, key] of handler.uniques(value)) {
            const first = seen.get(`${column}\u0000${key}`);
            if (first !== undefined) {
              fail({
                row: record.row,
                column,
                code: 'DUPLICATE_KEY',
                message: `${column} "${key}" is also on row ${first}; keep one row per ${column}`,
              });
              return;
            }
          }
          for (const [column, key] of handler.uniques(value)) seen.set(`${column}\u0000${key}`, record.row);
          batch.push({ row: record.row, value });
          if (group === undefined && batch.length >= BATCH_ROWS) await flush();
        },
      );
      await flush();
      if (write && !t.errorCount && handler.finish) {
        const at = performance.now();
        await handler.finish(repo);
        this.timings.write += performance.now() - at;
      }
    } catch (e) {
      if (e instanceof HeaderRefused) return t;
      if (!(e instanceof FileProblem)) throw e;
      fail({ row: e.row ?? 0, column: null, code: e.code, message: e.message });
    }
    return t;
  }

  /** Saves progress where other requests can read it, and stops the run when the job was cancelled meanwhile. */
  private async progress(id: string, t: RunTotals): Promise<void> {
    const [row] = await this.db.query(
      `UPDATE import_job SET rows_read = $2, rows_valid = $3, updated_at = now() WHERE id = $1 RETURNING phase`,
      [id, t.rowsRead, t.rowsValid],
    );
    if (row?.phase === 'CANCELLED') throw new Cancelled();
  }

  private async save(job: ImportJobEntity, t: RunTotals, phase: ImportJobEntity['phase'], committedAt: Date | null = null): Promise<void> {
    Object.assign(job, totalsToJob(t), { phase, committedAt });
    await this.db.getRepository(ImportJobEntity).update(
      { id: job.id },
      {
        phase,
        committedAt,
        rowsRead: job.rowsRead,
        rowsValid: job.rowsValid,
        toCreate: job.toCreate,
        toUpdate: job.toUpdate,
        unchanged: job.unchanged,
        errorCount: job.errorCount,
        errors: job.errors,
        fileSha256: job.fileSha256,
        fileBytes: job.fileBytes,
      },
    );
  }

  private async discard(id: string): Promise<void> {
    const file = this.files.get(id);
    this.files.delete(id);
    if (file) await rm(join(file, '..'), { recursive: true, force: true });
  }
}

/** The header was refused (its problems are already on the job): nothing below it can be read. */
class HeaderRefused extends Error {}

const NO_ERRORS: RowError[] = [];

/** The cells of a record holding bytes that were not UTF-8, one error each. */
function notUtf8(record: CsvRecord): RowError[] {
  let any = false;
  for (const column in record.cells) if (record.cells[column]?.includes(NOT_UTF8)) any = true;
  if (!any) return NO_ERRORS;
  return Object.entries(record.cells)
    .filter(([, v]) => v?.includes(NOT_UTF8))
    .map(([column, v]) => ({
      row: record.row,
      column,
      code: 'INVALID_ENCODING',
      message: `${column} "${v.slice(0, 60).replaceAll(NOT_UTF8, '?')}" has characters that are not UTF-8 (Latin-1 or Windows-1252, such as é or ñ); save the file as "CSV UTF-8" and upload it again`,
    }));
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** When the header reads right with another delimiter, says which one to upload with. */
function otherDelimiter(kind: ImportKind, header: string[], used: string): string | null {
  const line = header.join(used);
  for (const d of Object.keys(DELIMITER_NAMES)) {
    if (d === used || !line.includes(d)) continue;
    if (!checkHeader(kind, line.split(d)).problems.length)
      return `The header row is separated by ${DELIMITER_NAMES[d]}s, but the upload said ${DELIMITER_NAMES[used]}; upload it again with ?delimiter=${DELIMITER_NAMES[d]}`;
  }
  return null;
}

class RowsRefused extends Error {
  constructor(readonly totals: RunTotals) {
    super('rows refused');
  }
}

function totalsToJob(t: RunTotals): Partial<ImportJobEntity> {
  return {
    rowsRead: t.rowsRead,
    rowsValid: t.rowsValid,
    toCreate: t.created,
    toUpdate: t.updated,
    unchanged: t.unchanged,
    errorCount: t.errorCount,
    errors: t.errors,
  };
}

const summary = (j: ImportJobEntity) => ({
  kind: j.kind,
  fileSha256: j.fileSha256,
  fileBytes: j.fileBytes,
  rowsRead: j.rowsRead,
  rowsValid: j.rowsValid,
  created: j.toCreate,
  updated: j.toUpdate,
  unchanged: j.unchanged,
  errorCount: j.errorCount,
});

const isUniqueViolation = (e: unknown): boolean => (e as { driverError?: { code?: string } })?.driverError?.code === '23505';

/** Counts, bounds and hashes the upload as it goes to disk: the audit names the exact file. */
class UploadMeter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly max: number) {
    super();
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null, c?: Buffer) => void): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max)
      return done(new AppError(ErrorCode.BAD_USER_INPUT, `The file is over ${this.max / 1024 / 1024} MB; split it into smaller files`));
    this.hash.update(chunk);
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
