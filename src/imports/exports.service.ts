import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { escapeCell } from './domain/cells.js';
import { allColumns, type ImportKind } from './domain/columns.js';
import { ImportsRepository } from './imports.repository.js';

const PAGE = 1000;

/**
 * Streams a kind as CSV in its import column set, page by page (keyset), with the record versions, so an edited
 * export imports back with the concurrency check on. Formula-leading cells get the apostrophe the reports use.
 */
@Injectable()
export class ExportsService {
  constructor(private readonly db: DataSource) {}

  template(kind: ImportKind): string {
    return `${allColumns(kind).join(',')}\r\n`;
  }

  async write(kind: ImportKind, out: Writable): Promise<void> {
    const csv = stringify({ header: true, columns: allColumns(kind), record_delimiter: 'windows' });
    csv.pipe(out);
    const repo = new ImportsRepository(this.db.manager);
    const push = async (cells: string[]) => {
      if (!csv.write(cells.map(escapeCell))) await new Promise((r) => csv.once('drain', r));
    };
    if (kind === 'buildings') {
      for (let after = '', page = await repo.buildingsPage(after, PAGE); page.length; page = await repo.buildingsPage(after, PAGE)) {
        for (const b of page) await push([b.code, b.name, b.level, String(b.version)]);
        after = page[page.length - 1].code;
      }
    } else {
      let after = { employeeId: '', id: '00000000-0000-0000-0000-000000000000' };
      for (let page = await repo.educatorsPage(after, PAGE); page.length; page = await repo.educatorsPage(after, PAGE)) {
        for (const e of page) {
          await push([e.employeeId ?? '', e.fullName, e.workEmail, e.buildingCode, e.currentAssignment, e.hireDate, e.leavingDate ?? '', String(e.version)]);
        }
        const last = page[page.length - 1];
        after = { employeeId: last.employeeId ?? '', id: last.id };
      }
    }
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      csv.end();
    });
  }
}
