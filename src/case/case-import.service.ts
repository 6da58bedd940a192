import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode, badInput, staleVersion } from '../common/app-error.js';
import { GuardedHttpClient, OutboundHttpError } from '../common/http/guarded-http-client.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CaseRepository } from './case.repository.js';
import { canonical } from './domain/canonical.js';
import { derivedUuid } from './domain/derived-uuid.js';
import type { CfPackage, Json } from './domain/case-types.js';
import { DEFAULT_SCALE } from './domain/default-scale.js';
import { exportPackage } from './domain/export-package.js';
import { CaseErrorCode, caseError, normalisePackage, type Adjustment } from './domain/normalise-package.js';
import { structurePackage, type PackageStructure, type PlannedNode } from './domain/plan-import.js';

export interface ImportNode {
  identifier: string;
  kind: string;
  code: string;
  title: string;
  inUse: boolean;
}

export interface ImportOutcome {
  dryRun: boolean;
  changed: boolean;
  frameworkId: string | null;
  frameworkCode: string;
  frameworkTitle: string;
  documentIdentifier: string;
  newFramework: boolean;
  version: number;
  created: ImportNode[];
  updated: ImportNode[];
  retired: ImportNode[];
  unchanged: number;
  associationsCreated: number;
  associationsUpdated: number;
  associationsRemoved: number;
  levelsSource: 'RUBRIC' | 'DEFAULT_SCALE' | 'MIXED' | 'NONE';
  adjustments: Adjustment[];
  problems: string[];
}

const trunc = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Imports a CFPackage: normalise leniently, check the structure, diff against the framework with the same CFDocument
 * identifier, and (unless a dry run) write the difference in one transaction as a new framework version.
 */
@Injectable()
export class CaseImportService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CaseRepository,
    private readonly audit: AuditService,
    private readonly http: GuardedHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** From JSON text, or from a provider URL (a CFPackage, or a CFDocument whose CFPackageURI is then followed). */
  async importFrom(
    actor: Principal | null,
    source: { json?: string; url?: string },
    opts: { dryRun: boolean; expectedVersion?: number },
  ): Promise<ImportOutcome> {
    if ((source.json === undefined) === (source.url === undefined)) throw badInput('Give either packageJson or packageUrl');
    const text = source.json ?? (await this.fetchPackage(source.url!));
    return this.importText(actor, text, opts);
  }

  private async fetchPackage(url: string): Promise<string> {
    let text = await this.fetchText(url);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text; // normalisePackage reports CASE_NOT_JSON with its path
    }
    const doc = parsed as { CFDocument?: unknown; CFPackageURI?: { uri?: unknown } };
    if (!doc.CFDocument && typeof doc.CFPackageURI?.uri === 'string') text = await this.fetchText(doc.CFPackageURI.uri);
    return text;
  }

  private async fetchText(url: string): Promise<string> {
    try {
      const res = await this.http.get(url, { accept: 'application/json', fresh: true, maxBytes: this.config.caseMaxPackageBytes });
      if (res.status !== 200) throw new OutboundHttpError('BAD_STATUS', `${url} answered HTTP ${res.status}`, url);
      return res.body.toString('utf8');
    } catch (e) {
      if (!(e instanceof OutboundHttpError)) throw e;
      const code = e.code === 'TOO_LARGE' ? CaseErrorCode.TOO_LARGE : CaseErrorCode.FETCH_FAILED;
      throw caseError(
        code,
        '$',
        `The package could not be fetched from ${url}: ${e.message}. Check the URL, that its host is in OUTBOUND_HTTP_ALLOWED_HOSTS, or download the package and import the file.`,
      );
    }
  }

  async importText(actor: Principal | null, text: string, opts: { dryRun: boolean; expectedVersion?: number }): Promise<ImportOutcome> {
    const { pkg, adjustments } = normalisePackage(text, this.config.caseMaxPackageBytes);
    const structure = structurePackage(pkg, DEFAULT_SCALE);
    return this.db.transaction(async (m) => {
      const outcome = await this.plan(m, pkg, structure, adjustments);
      if (opts.expectedVersion !== undefined && outcome.frameworkId && opts.expectedVersion !== outcome.version) {
        throw staleVersion(`Framework ${outcome.frameworkCode}`);
      }
      if (opts.dryRun || !outcome.changed) return { ...outcome, dryRun: opts.dryRun };
      return this.write(m, actor, pkg, structure, outcome);
    });
  }

  private async plan(m: EntityManager, pkg: CfPackage, st: PackageStructure, adjustments: Adjustment[]): Promise<ImportOutcome> {
    const doc = pkg.CFDocument;
    const fw = await this.repo.frameworkByCaseId(doc.identifier, m, true);
    const identifiers = st.nodes.map((n) => n.identifier);
    const existing = await this.repo.nodesByIdentifier(identifiers, m);
    const foreign = existing.filter((e) => !fw || e.frameworkId !== fw.id);
    if (foreign.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `These items already belong to another framework: ${foreign
          .slice(0, 10)
          .map((f) => f.identifier)
          .join(', ')}. Import that framework's package instead, or ask the publisher for new identifiers.`,
        { identifiers: foreign.map((f) => f.identifier) },
        CaseErrorCode.IDENTIFIER_TAKEN,
      );
    }
    const taken = await this.repo.associationsElsewhere(
      st.associations.map((a) => a.identifier),
      fw?.id ?? null,
      m,
    );
    if (taken.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `These associations already belong to another framework: ${taken.slice(0, 10).join(', ')}. Ask the publisher for new identifiers.`,
        { identifiers: taken },
        CaseErrorCode.IDENTIFIER_TAKEN,
      );
    }
    const byId = new Map(existing.map((e) => [e.identifier, e]));
    const current = fw ? exportPackage(await this.repo.snapshot(fw.id, m), this.config.publicBaseUrl) : null;
    const currentItems = new Map((current?.CFItems ?? []).map((i) => [i.identifier, i]));
    const currentParent = new Map<string, string>();
    const currentOther = new Map<string, string>();
    const hierarchyIds = new Set<string>();
    if (current) {
      const seenChild = new Set<string>();
      for (const a of current.CFAssociations) {
        if (a.associationType === 'isChildOf' && !seenChild.has(a.originNodeURI.identifier)) {
          seenChild.add(a.originNodeURI.identifier);
          currentParent.set(a.originNodeURI.identifier, canonical(a));
          hierarchyIds.add(a.identifier);
        } else currentOther.set(a.identifier, canonical(a));
      }
    }
    const currentLevels = new Map<string, string>();
    for (const c of current?.CFRubrics?.[0]?.CFRubricCriteria ?? []) {
      if (c.CFItemURI)
        currentLevels.set(
          c.CFItemURI.identifier,
          canonical((c.CFRubricCriterionLevels ?? []).map((l) => [l.quality, l.description ?? '', l.identifier])),
        );
    }
    const levelsOf = (n: PlannedNode) =>
      canonical(n.levels.map((l) => [l.label, l.descriptor, l.identifier ?? currentLevelId(current, n.identifier, l.level)]));

    const node = (n: PlannedNode): ImportNode => ({
      identifier: n.identifier,
      kind: n.kind,
      code: n.item.humanCodingScheme ?? '',
      title: trunc(n.item.fullStatement, 200),
      inUse: byId.get(n.identifier)?.inUse ?? false,
    });
    const created: ImportNode[] = [];
    const updated: ImportNode[] = [];
    let unchanged = 0;
    for (const n of st.nodes) {
      const was = byId.get(n.identifier);
      if (!was) created.push(node(n));
      else if (
        was.retired ||
        was.kind !== n.kind ||
        canonical(currentItems.get(n.identifier)) !== canonical(n.item) ||
        (currentParent.get(n.identifier) ?? '') !== (n.childOf ? canonical(n.childOf) : (currentParent.get(n.identifier) ?? '')) ||
        (n.kind === 'competency' && (currentLevels.get(n.identifier) ?? '') !== levelsOf(n))
      )
        updated.push(node(n));
      else unchanged += 1;
    }
    const incoming = new Set(identifiers);
    const retired: ImportNode[] = fw
      ? (await this.repo.liveNodesOf(fw.id, m))
          .filter((e) => !incoming.has(e.identifier))
          .map((e) => ({
            identifier: e.identifier,
            kind: e.kind,
            code: e.code,
            title: trunc(currentItems.get(e.identifier)?.fullStatement ?? e.code, 200),
            inUse: e.inUse,
          }))
      : [];
    const incomingOther = new Map(st.associations.map((a) => [a.identifier, canonical(a)]));
    let associationsCreated = 0;
    let associationsUpdated = 0;
    for (const [id, json] of incomingOther) {
      if (!currentOther.has(id)) associationsCreated += 1;
      else if (currentOther.get(id) !== json) associationsUpdated += 1;
    }
    const importedBefore = fw ? await this.repo.importedAssociationIds(fw.id, m) : [];
    const associationsRemoved = importedBefore.filter((id) => !incomingOther.has(id)).length;

    const competencies = st.nodes.filter((n) => n.kind === 'competency');
    const fromRubric = competencies.filter((n) => n.levelsFromRubric).length;
    const levelsSource = !competencies.length
      ? 'NONE'
      : fromRubric === competencies.length
        ? 'RUBRIC'
        : fromRubric === 0
          ? 'DEFAULT_SCALE'
          : 'MIXED';
    const problems: string[] = [];
    if (levelsSource === 'DEFAULT_SCALE')
      problems.push(
        `The package has no rubric: its competencies get the district's default scale (${DEFAULT_SCALE.map((l) => `${l.level} ${l.label}`).join(', ')})`,
      );
    if (levelsSource === 'MIXED')
      problems.push(`${competencies.length - fromRubric} competencies have no rubric criterion and get the district's default scale`);
    const deprecated = doc.adoptionStatus === 'Deprecated';
    if (deprecated && !fw?.retired)
      problems.push(
        'The package is Deprecated (adoptionStatus): the framework will be retired; it stays readable but takes no new requirements or claims',
      );
    if (!deprecated && fw?.retired)
      problems.push(
        `The framework is retired; this package (adoptionStatus ${String(doc.adoptionStatus ?? 'unset')}) brings it back into use`,
      );
    for (const r of retired.filter((x) => x.inUse))
      problems.push(`Competency ${r.code || r.identifier} is used by claims or roles: it will be retired, not deleted`);
    const docChanged = current ? canonical(current.CFDocument) !== canonical(doc) : true;
    const changed =
      !fw ||
      docChanged ||
      created.length + updated.length + retired.length + associationsCreated + associationsUpdated + associationsRemoved > 0;
    return {
      dryRun: true,
      changed,
      frameworkId: fw?.id ?? null,
      frameworkCode: fw?.code ?? frameworkCode(doc.title, doc.identifier),
      frameworkTitle: trunc(doc.title, 200),
      documentIdentifier: doc.identifier,
      newFramework: !fw,
      version: fw?.version ?? 0,
      created,
      updated,
      retired,
      unchanged,
      associationsCreated,
      associationsUpdated,
      associationsRemoved,
      levelsSource,
      adjustments,
      problems,
    };
  }

  private async write(
    m: EntityManager,
    actor: Principal | null,
    pkg: CfPackage,
    st: PackageStructure,
    outcome: ImportOutcome,
  ): Promise<ImportOutcome> {
    const doc = pkg.CFDocument;
    let frameworkId = outcome.frameworkId;
    const publisher = trunc(String(doc.publisher ?? doc.creator), 200);
    if (!frameworkId) {
      const [row] = await m.query(
        `INSERT INTO competency_framework (code, title, description, publisher, case_identifier, case_rubric_identifier, version)
         VALUES ($1, $2, $3, $4, $5, coalesce($6::uuid, gen_random_uuid()), 1) RETURNING id`,
        [outcome.frameworkCode, trunc(doc.title, 200), String(doc.description ?? ''), publisher, doc.identifier, st.rubricIdentifier],
      );
      frameworkId = row.id as string;
    } else {
      await m.query(
        `UPDATE competency_framework SET title = $2, description = $3, publisher = $4, case_rubric_identifier = coalesce($5::uuid, case_rubric_identifier),
                version = version + 1, updated_at = now() WHERE id = $1`,
        [frameworkId, trunc(doc.title, 200), String(doc.description ?? ''), publisher, st.rubricIdentifier],
      );
    }
    // CASE's adoptionStatus carries retirement: a Deprecated package retires the framework, any other status restores it.
    await m.query(
      `UPDATE competency_framework SET retired_at = CASE WHEN $2 THEN coalesce(retired_at, now()) ELSE NULL END WHERE id = $1`,
      [frameworkId, doc.adoptionStatus === 'Deprecated'],
    );
    const byIdentifier = new Map(st.nodes.map((n) => [n.identifier, n]));
    const groupings = st.nodes.filter((n) => n.kind === 'grouping');
    await this.repo.upsertGroupings(
      frameworkId,
      groupings.map((g) => ({
        identifier: g.identifier,
        child_of_identifier: g.childOf?.identifier ?? derivedUuid(`${g.identifier}:isChildOf`),
        name: g.item.fullStatement,
        code: g.item.humanCodingScheme ? trunc(g.item.humanCodingScheme, 200) : null,
        sort_order: g.sortOrder,
        item: g.item,
        child_of: g.childOf,
        parent: g.parentIdentifier,
      })),
      m,
    );

    const codes = await this.codes(frameworkId, st, m);
    const snapshotLevels = (await m.query(
      `SELECT c.case_identifier::text AS identifier, l.level, l.case_identifier::text AS level_identifier
         FROM competency c JOIN competency_level l ON l.competency_id = c.id WHERE c.framework_id = $1`,
      [frameworkId],
    )) as Array<{ identifier: string; level: number; level_identifier: string }>;
    const existingLevelId = new Map(snapshotLevels.map((r) => [`${r.identifier}:${r.level}`, r.level_identifier]));
    const competencies = st.nodes.filter((n) => n.kind === 'competency');
    await this.repo.upsertCompetencies(
      frameworkId,
      competencies.map((c) => {
        const parent = c.parentIdentifier ? byIdentifier.get(c.parentIdentifier) : undefined;
        const abbreviated =
          typeof c.item.abbreviatedStatement === 'string' && c.item.abbreviatedStatement.length <= 200 ? c.item.abbreviatedStatement : null;
        return {
          identifier: c.identifier,
          child_of_identifier: c.childOf?.identifier ?? derivedUuid(`${c.identifier}:isChildOf`),
          criterion_identifier: c.criterionIdentifier ?? derivedUuid(`${c.identifier}:criterion`),
          code: codes.get(c.identifier),
          name: abbreviated ?? trunc(c.item.fullStatement, 200),
          description: c.item.fullStatement,
          dimension: trunc(parent?.item.fullStatement ?? doc.title, 120),
          sort_order: c.sortOrder,
          item: c.item,
          child_of: c.childOf,
          parent: c.parentIdentifier,
          levels: c.levels.map((l) => ({ ...l, identifier: l.identifier ?? existingLevelId.get(`${c.identifier}:${l.level}`) ?? null })),
        };
      }),
      m,
    );
    await this.repo.retire(
      frameworkId,
      st.nodes.map((n) => n.identifier),
      m,
    );
    await this.repo.syncFrameworkScale(frameworkId, m);
    await this.repo.replaceImportedAssociations(frameworkId, st.associations, m);
    await this.repo.saveDocument(frameworkId, doc, st.rubricHeader, createHash('sha256').update(canonical(pkg)).digest('hex'), m);
    const fw = (await this.repo.frameworkById(frameworkId, m))!;
    await this.audit.record(
      actor,
      {
        action: 'FRAMEWORK_IMPORTED',
        targetType: 'Framework',
        targetId: frameworkId,
        changes: {
          document: doc.identifier,
          created: outcome.created.length,
          updated: outcome.updated.length,
          retired: outcome.retired.length,
          version: fw.version,
        },
      },
      m,
    );
    return { ...outcome, dryRun: false, frameworkId, frameworkCode: fw.code, version: fw.version };
  }

  /** Competency codes: the humanCodingScheme when it fits and is free, else one derived from the identifier. */
  private async codes(frameworkId: string, st: PackageStructure, m: EntityManager): Promise<Map<string, string>> {
    const taken = new Map<string, string>();
    for (const r of await this.repo.codesOf(frameworkId, m)) taken.set(r.code, r.identifier);
    const out = new Map<string, string>();
    for (const n of st.nodes.filter((x) => x.kind === 'competency')) {
      const hcs = n.item.humanCodingScheme?.trim();
      const hex = n.identifier.replace(/-/g, '');
      let code = hcs && hcs.length <= 32 ? hcs : `C-${hex.slice(-30)}`;
      const owner = taken.get(code);
      if (owner && owner !== n.identifier) code = `${code.slice(0, 19)}-${hex.slice(-12)}`;
      taken.set(code, n.identifier);
      out.set(n.identifier, code);
    }
    return out;
  }
}

function currentLevelId(current: CfPackage | null, itemId: string, level: number): string | null {
  const c = current?.CFRubrics?.[0]?.CFRubricCriteria?.find((x) => x.CFItemURI?.identifier === itemId);
  return c?.CFRubricCriterionLevels?.find((l) => l.score === level)?.identifier ?? null;
}

export function frameworkCode(title: string, identifier: string): string {
  const slug =
    title
      .toUpperCase()
      .replace(/[^A-Z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'CASE';
  return `${slug}-${identifier.slice(0, 8).toUpperCase()}`;
}

export type { Json };
