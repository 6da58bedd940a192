import type { CsvRecord } from './csv-source.js';
import { nearest } from './domain/columns.js';
import { parseBuildingRow, parseEducatorRow, type BuildingRow, type EducatorRow, type RowError } from './domain/rows.js';
import type { ExistingBuilding, ImportsRepository } from './imports.repository.js';

/** What a batch of valid rows amounts to against the database: counted in a preview, written in a commit. */
export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  /** Writes the batch; returns false when a record changed between reading and writing it (commit is then refused). */
  apply(repo: ImportsRepository): Promise<boolean>;
}

/** One kind of import: how to read a row, the key a file may not repeat, and how a batch meets the database. */
export interface KindHandler<Row> {
  parse(record: CsvRecord): { value: Row | null; errors: RowError[] };
  /** Each value must be unique within a file: [column, value] pairs. */
  uniques(row: Row): [string, string][];
  /** Kinds whose records span several rows (evidence and its claims): the record a row belongs to. Its rows must be together. */
  group?(row: Row): string;
  load(repo: ImportsRepository): Promise<void>;
  classify(batch: { row: number; value: Row }[], repo: ImportsRepository): Promise<BatchOutcome>;
  /** After the last batch of a commit: writes what the batches staged (evidence creates go in one statement per table). */
  finish?(repo: ImportsRepository): Promise<void>;
}

const meant = (code: string, known: Iterable<string>): string => {
  const near = nearest(code, [...known]);
  return near ? ` (did you mean ${near}?)` : '';
};

const staleError = (row: number, current: number, given: number): RowError => ({
  row,
  column: 'version',
  code: 'STALE_VERSION',
  message: `This record is at version ${current} but the row says ${given}: it changed since your export; export again, or empty the version cell to overwrite`,
});

export class BuildingsKind implements KindHandler<BuildingRow> {
  private byCode = new Map<string, ExistingBuilding>();

  parse(r: CsvRecord) {
    return parseBuildingRow(r.cells, r.row);
  }

  uniques(row: BuildingRow): [string, string][] {
    return [['code', row.code]];
  }

  async load(repo: ImportsRepository): Promise<void> {
    this.byCode = new Map((await repo.allBuildings()).map((b) => [b.code, b]));
  }

  async classify(batch: { row: number; value: BuildingRow }[]): Promise<BatchOutcome> {
    const creates: BuildingRow[] = [];
    const updates: { id: string; version: number; row: BuildingRow }[] = [];
    const errors: RowError[] = [];
    let unchanged = 0;
    for (const { row, value } of batch) {
      const current = this.byCode.get(value.code);
      if (!current) creates.push(value);
      else if (current.name === value.name && current.level === value.level) unchanged += 1;
      else if (value.version !== null && value.version !== current.version) errors.push(staleError(row, current.version, value.version));
      else updates.push({ id: current.id, version: current.version, row: value });
    }
    return {
      created: creates.length,
      updated: updates.length,
      unchanged,
      errors,
      apply: async (repo) => {
        await repo.insertBuildings(creates);
        return (await repo.updateBuildings(updates)) === updates.length;
      },
    };
  }
}

export class EducatorsKind implements KindHandler<EducatorRow> {
  private buildings = new Map<string, ExistingBuilding>();

  parse(r: CsvRecord) {
    return parseEducatorRow(r.cells, r.row);
  }

  uniques(row: EducatorRow): [string, string][] {
    return [
      ['employee_id', row.employeeId],
      ['work_email', row.workEmail.toLowerCase()],
    ];
  }

  async load(repo: ImportsRepository): Promise<void> {
    this.buildings = new Map((await repo.allBuildings()).map((b) => [b.code, b]));
  }

  async classify(batch: { row: number; value: EducatorRow }[], repo: ImportsRepository): Promise<BatchOutcome> {
    const creates: { buildingId: string; row: EducatorRow }[] = [];
    const updates: { id: string; version: number; buildingId: string; row: EducatorRow }[] = [];
    const errors: RowError[] = [];
    const placed: { row: number; building: ExistingBuilding; value: EducatorRow }[] = [];
    for (const { row, value } of batch) {
      const building = this.buildings.get(value.buildingCode);
      if (!building) {
        errors.push({
          row,
          column: 'building_code',
          code: 'UNKNOWN_BUILDING',
          message: `No building has code "${value.buildingCode}"${meant(value.buildingCode, this.buildings.keys())}; correct the code, or import the building in a buildings file first`,
        });
        continue;
      }
      placed.push({ row, building, value });
    }
    // The database compares the batch with what it holds; only rows that are not unchanged come back.
    const matches = await repo.educatorsNotUnchanged(placed.map((p) => ({ buildingId: p.building.id, row: p.value })));
    for (const match of matches) {
      const { row, building, value } = placed[match.ord - 1];
      // An educator entered by hand (no employee id yet) is adopted by work email rather than duplicated.
      const current: { id: string; version: number; buildingId: string } | undefined =
        match.id !== null
          ? { id: match.id, version: match.version!, buildingId: match.buildingId! }
          : match.holderId !== null && match.holderEmployeeId === null
            ? { id: match.holderId, version: match.holderVersion!, buildingId: match.holderBuildingId! }
            : undefined;
      if (match.holderId !== null && match.holderId !== current?.id) {
        errors.push({
          row,
          column: 'work_email',
          code: 'EMAIL_TAKEN',
          message: `${value.workEmail} belongs to another educator (employee id ${match.holderEmployeeId ?? 'none'}); give each educator their own work email`,
        });
        continue;
      }
      const placing = !current || current.buildingId !== building.id;
      if (placing && building.archived) {
        errors.push({
          row,
          column: 'building_code',
          code: 'BUILDING_ARCHIVED',
          message: `Building ${building.code} is archived; place the educator in a current building or restore it first`,
        });
        continue;
      }
      if (!current) creates.push({ buildingId: building.id, row: value });
      else if (value.version !== null && value.version !== current.version) errors.push(staleError(row, current.version, value.version));
      else updates.push({ id: current.id, version: current.version, buildingId: building.id, row: value });
    }
    const unchanged = placed.length - matches.length;
    return {
      created: creates.length,
      updated: updates.length,
      unchanged,
      errors,
      apply: async (r) => {
        await r.insertEducators(creates);
        return (await r.updateEducators(updates)) === updates.length;
      },
    };
  }
}
