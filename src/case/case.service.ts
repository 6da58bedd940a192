import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound, staleVersion } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CaseRepository } from './case.repository.js';
import type { CfPackage } from './domain/case-types.js';
import { exportPackage, providerUri } from './domain/export-package.js';
import type { AddCrosswalkInput, SetFrameworkPublicationInput } from './dto/case.input.js';
import type { CrosswalkModel, FrameworkPublicationModel } from './models/case.model.js';

/** Export, publication and crosswalk use cases. */
@Injectable()
export class CaseService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CaseRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async exportFramework(frameworkId: string): Promise<CfPackage> {
    if (!(await this.repo.frameworkById(frameworkId))) throw notFound('Framework', frameworkId);
    return exportPackage(await this.repo.snapshot(frameworkId), this.config.publicBaseUrl);
  }

  async setPublication(actor: Principal, input: SetFrameworkPublicationInput): Promise<FrameworkPublicationModel> {
    return this.db.transaction(async (m) => {
      const [fw] = await m.query(`SELECT id, code, version, publication FROM competency_framework WHERE id = $1 FOR UPDATE`, [
        input.frameworkId,
      ]);
      if (!fw) throw notFound('Framework', input.frameworkId);
      if (fw.version !== input.version) throw staleVersion(`Framework ${fw.code}`);
      const [[row]] = await m.query(
        `UPDATE competency_framework SET publication = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
        [input.frameworkId, input.publication],
      );
      await this.audit.record(
        actor,
        {
          action: 'FRAMEWORK_PUBLICATION_SET',
          targetType: 'Framework',
          targetId: fw.id,
          changes: { publication: { from: fw.publication, to: input.publication } },
        },
        m,
      );
      return { frameworkId: fw.id, publication: input.publication, version: row.version };
    });
  }

  async addCrosswalk(actor: Principal, input: AddCrosswalkInput): Promise<CrosswalkModel> {
    if (input.originCompetencyId === input.destinationCompetencyId) throw badInput('A crosswalk joins two different competencies');
    return this.db.transaction(async (m) => {
      const ends = await m.query(
        `SELECT c.id, c.framework_id AS "frameworkId", c.case_identifier::text AS identifier, c.name, c.retired_at AS "retiredAt", s.item->>'uri' AS uri
           FROM competency c LEFT JOIN case_item_source s ON s.competency_id = c.id WHERE c.id = ANY($1::uuid[]) FOR UPDATE OF c`,
        [[input.originCompetencyId, input.destinationCompetencyId]],
      );
      const origin = ends.find((e: { id: string }) => e.id === input.originCompetencyId);
      const destination = ends.find((e: { id: string }) => e.id === input.destinationCompetencyId);
      if (!origin) throw notFound('Competency', input.originCompetencyId);
      if (!destination) throw notFound('Competency', input.destinationCompetencyId);
      if (origin.frameworkId === destination.frameworkId) throw badInput('A crosswalk joins competencies of two different frameworks');
      const [dupe] = await m.query(
        `SELECT 1 FROM case_association WHERE origin_competency_id = $1 AND destination_competency_id = $2 AND association_type = $3`,
        [origin.id, destination.id, input.associationType],
      );
      if (dupe) throw conflict('This crosswalk already exists');
      const uri = (e: { identifier: string; uri: string | null }) =>
        e.uri ?? providerUri(this.config.publicBaseUrl, 'CFItems', e.identifier);
      const [row] = await m.query(
        `INSERT INTO case_association (framework_id, association_type, origin_identifier, origin_uri, origin_title, destination_identifier,
                destination_uri, destination_title, origin_competency_id, destination_competency_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, case_identifier::text AS "caseIdentifier"`,
        [
          origin.frameworkId,
          input.associationType,
          origin.identifier,
          uri(origin),
          origin.name,
          destination.identifier,
          uri(destination),
          destination.name,
          origin.id,
          destination.id,
        ],
      );
      await this.audit.record(
        actor,
        { action: 'CROSSWALK_ADDED', targetType: 'CaseAssociation', targetId: row.id, changes: { ...input } },
        m,
      );
      return {
        id: row.id,
        caseIdentifier: row.caseIdentifier,
        associationType: input.associationType,
        originCompetencyId: origin.id,
        destinationCompetencyId: destination.id,
      };
    });
  }

  async removeCrosswalk(actor: Principal, id: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const [rows] = await m.query(
        `DELETE FROM case_association WHERE id = $1 AND origin_competency_id IS NOT NULL AND destination_competency_id IS NOT NULL RETURNING id`,
        [id],
      );
      if (!rows?.length) throw notFound('Crosswalk', id);
      await this.audit.record(actor, { action: 'CROSSWALK_REMOVED', targetType: 'CaseAssociation', targetId: id }, m);
      return true;
    });
  }

  async crosswalks(competencyId: string): Promise<CrosswalkModel[]> {
    return this.db.query(
      `SELECT id, case_identifier::text AS "caseIdentifier", association_type AS "associationType",
              origin_competency_id AS "originCompetencyId", destination_competency_id AS "destinationCompetencyId"
         FROM case_association
        WHERE (origin_competency_id = $1 OR destination_competency_id = $1)
          AND origin_competency_id IS NOT NULL AND destination_competency_id IS NOT NULL
        ORDER BY created_at, id`,
      [competencyId],
    );
  }
}
