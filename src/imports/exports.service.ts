import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { escapeCell } from './domain/cells.js';
import { allColumns, type ImportKind } from './domain/columns.js';
import { PERSONA_SEPARATOR } from './domain/people-rows.js';
import { ImportsRepository, MoreImportsRepository } from './imports.repository.js';

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
    const more = new MoreImportsRepository(this.db.manager);
    const text = (v: string | number | null) => (v === null ? '' : String(v));
    if (kind === 'buildings') {
      for (let after = '', page = await repo.buildingsPage(after, PAGE); page.length; page = await repo.buildingsPage(after, PAGE)) {
        for (const b of page) await push([b.code, b.name, b.level, String(b.version)]);
        after = page[page.length - 1].code;
      }
    } else if (kind === 'educators') {
      let after = { employeeId: '', id: '00000000-0000-0000-0000-000000000000' };
      for (let page = await repo.educatorsPage(after, PAGE); page.length; page = await repo.educatorsPage(after, PAGE)) {
        for (const e of page) {
          await push([
            e.employeeId ?? '',
            e.fullName,
            e.workEmail,
            e.buildingCode,
            e.currentAssignment,
            e.hireDate,
            e.leavingDate ?? '',
            String(e.version),
          ]);
        }
        const last = page[page.length - 1];
        after = { employeeId: last.employeeId ?? '', id: last.id };
      }
    } else if (kind === 'accounts') {
      for (let after = '', page = await more.accountsPage(after, PAGE); page.length; page = await more.accountsPage(after, PAGE)) {
        for (const a of page)
          await push([a.email, a.displayName, a.personas.join(PERSONA_SEPARATOR), text(a.employeeId), String(a.version)]);
        after = page[page.length - 1].email;
      }
    } else if (kind === 'commitments') {
      for (let after = '', page = await more.commitmentsPage(after, PAGE); page.length; page = await more.commitmentsPage(after, PAGE)) {
        for (const c of page) await push([c.employeeId, c.roleTitle, String(c.roleFte), c.startsOn, text(c.endsOn), String(c.version)]);
        after = page[page.length - 1].sortKey;
      }
    } else if (kind === 'evidence') {
      // A competency is named by its code where that is unique across frameworks, otherwise by its CASE identifier.
      const all = await more.competencies();
      const codeCount = new Map<string, number>();
      for (const c of all) codeCount.set(c.code.toUpperCase(), (codeCount.get(c.code.toUpperCase()) ?? 0) + 1);
      const ref = new Map(all.map((c) => [c.id, codeCount.get(c.code.toUpperCase()) === 1 ? c.code : c.caseIdentifier]));
      let after = { key: '', competencyId: '00000000-0000-0000-0000-000000000000' };
      for (let page = await more.evidencePage(after, PAGE); page.length; page = await more.evidencePage(after, PAGE)) {
        for (const e of page) {
          await push([
            e.key,
            text(e.employeeId),
            e.kind,
            e.title,
            e.description,
            text(e.url),
            text(e.startedOn),
            text(e.endedOn),
            text(e.issuer),
            text(e.credentialId),
            text(e.issuedOn),
            text(e.expiresOn),
            text(e.pilotPart),
            text(e.classrooms),
            text(e.teachers),
            text(e.students),
            text(e.outcomes),
            text(e.sessions),
            text(e.attendees),
            text(e.venue),
            text(e.hours),
            text(e.provider),
            e.competencyId ? ref.get(e.competencyId)! : '',
            text(e.level),
            String(e.version),
          ]);
        }
        const last = page[page.length - 1];
        after = { key: last.key, competencyId: last.competencyId ?? '00000000-0000-0000-0000-000000000000' };
      }
    } else {
      for (let after = '', page = await more.decisionsPage(after, PAGE); page.length; page = await more.decisionsPage(after, PAGE)) {
        for (const d of page) await push([d.key, d.decision!, d.reason ?? '', d.decidedOn!, String(d.version)]);
        after = page[page.length - 1].key;
      }
    }
    await new Promise<void>((resolve, reject) => {
      out.once('finish', resolve);
      out.once('error', reject);
      csv.end();
    });
  }
}
