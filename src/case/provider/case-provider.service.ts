import { Inject, Injectable } from '@nestjs/common';
import { PrincipalResolver } from '../../access/principal.resolver-service.js';
import { HeavyWorkLimiter } from '../../common/heavy/heavy-work.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { CaseRepository, type FrameworkRow } from '../case.repository.js';
import { UUID_PATTERN, type CfPackage, type Json } from '../domain/case-types.js';
import { ProviderQueryError, queryDocuments, type DocumentQuery } from '../domain/document-query.js';
import { exportPackage, providerUri } from '../domain/export-package.js';

const DOCUMENT_FIELDS = [
  'identifier',
  'uri',
  'frameworkType',
  'caseVersion',
  'creator',
  'title',
  'lastChangeDateTime',
  'officialSourceURL',
  'publisher',
  'description',
  'subject',
  'subjectURI',
  'language',
  'version',
  'adoptionStatus',
  'statusStartDate',
  'statusEndDate',
  'licenseURI',
  'notes',
  'CFPackageURI',
];

/**
 * The read-only CASE 1.1 provider. A framework published PUBLIC is served to anyone; SIGNED_IN ones need a valid
 * bearer token, and are invisible (not listed) without one.
 */
@Injectable()
export class CaseProviderService {
  constructor(
    private readonly repo: CaseRepository,
    private readonly principals: PrincipalResolver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly heavy: HeavyWorkLimiter,
  ) {}

  async documents(authorization: string | undefined, q: DocumentQuery) {
    const signedIn = await this.signedIn(authorization, false);
    const visible = (await this.repo.frameworks()).filter((f) => signedIn || f.publication === 'PUBLIC');
    const docs: Json[] = [];
    for (const f of visible) docs.push(this.withPackageLink((await this.package(f)).CFDocument));
    return queryDocuments(docs, q, DOCUMENT_FIELDS);
  }

  async document(authorization: string | undefined, id: string): Promise<Json> {
    const pkg = await this.packageOf(authorization, id, await this.repo.frameworkByCaseId(this.uuid(id)));
    return this.withPackageLink(pkg.CFDocument);
  }

  /** A whole package is heavy work (HeavyWorkLimiter), entered only once the caller may see the framework. */
  async packageById(authorization: string | undefined, id: string): Promise<CfPackage> {
    const fw = await this.repo.frameworkByCaseId(this.uuid(id));
    if (!fw) throw notFound(id);
    if (fw.publication !== 'PUBLIC') await this.signedIn(authorization, true);
    return this.heavy.run(() => this.package(fw));
  }

  async item(authorization: string | undefined, id: string): Promise<Json> {
    const pkg = await this.packageOfNode(authorization, 'item', id);
    const item = pkg.CFItems.find((i) => i.identifier === id.toLowerCase());
    if (!item) throw notFound(id);
    return { ...item, CFDocumentURI: this.docLink(pkg) };
  }

  async association(authorization: string | undefined, id: string): Promise<Json> {
    const pkg = await this.packageOfNode(authorization, 'association', id);
    const a = pkg.CFAssociations.find((x) => x.identifier === id.toLowerCase());
    if (!a) throw notFound(id);
    return { ...a, CFDocumentURI: this.docLink(pkg) };
  }

  async itemAssociations(authorization: string | undefined, id: string): Promise<Json> {
    const pkg = await this.packageOfNode(authorization, 'item', id);
    const key = id.toLowerCase();
    const item = pkg.CFItems.find((i) => i.identifier === key);
    if (!item) throw notFound(id);
    const docLink = this.docLink(pkg);
    return {
      CFItem: { ...item, CFDocumentURI: docLink },
      CFAssociations: pkg.CFAssociations.filter((a) => a.originNodeURI.identifier === key || a.destinationNodeURI.identifier === key).map(
        (a) => ({ ...a, CFDocumentURI: docLink }),
      ),
    };
  }

  async rubric(authorization: string | undefined, id: string): Promise<Json> {
    const pkg = await this.packageOfNode(authorization, 'rubric', id);
    const rubric = pkg.CFRubrics?.find((r) => r.identifier === id.toLowerCase());
    if (!rubric) throw notFound(id);
    return rubric;
  }

  private async packageOfNode(authorization: string | undefined, kind: 'item' | 'association' | 'rubric', id: string): Promise<CfPackage> {
    const frameworkId = await this.repo.frameworkOfNode(kind, this.uuid(id));
    return this.packageOf(authorization, id, frameworkId ? await this.repo.frameworkById(frameworkId) : null);
  }

  private async packageOf(authorization: string | undefined, id: string, fw: FrameworkRow | null): Promise<CfPackage> {
    if (!fw) throw notFound(id);
    if (fw.publication !== 'PUBLIC') await this.signedIn(authorization, true);
    return this.package(fw);
  }

  private async package(fw: FrameworkRow): Promise<CfPackage> {
    return exportPackage(await this.repo.snapshot(fw.id), this.config.publicBaseUrl);
  }

  private withPackageLink(doc: Json): Json {
    const id = doc.identifier as string;
    return { ...doc, CFPackageURI: { title: doc.title, identifier: id, uri: providerUri(this.config.publicBaseUrl, 'CFPackages', id) } };
  }

  private docLink(pkg: CfPackage) {
    return { title: pkg.CFDocument.title, identifier: pkg.CFDocument.identifier, uri: pkg.CFDocument.uri };
  }

  private uuid(id: string): string {
    if (!UUID_PATTERN.test(id.toLowerCase()))
      throw new ProviderQueryError(400, 'invalid_uuid', `"${id}" is not a UUID; CASE identifiers are UUIDs`);
    return id.toLowerCase();
  }

  private async signedIn(authorization: string | undefined, required: boolean): Promise<boolean> {
    if (!authorization) {
      if (required)
        throw new ProviderQueryError(
          401,
          'unauthorisedrequest',
          'This framework is published to signed-in users only: send "Authorization: Bearer <token>"',
        );
      return false;
    }
    const principal = await this.principals.tryResolve(authorization);
    if (!principal && required) throw new ProviderQueryError(401, 'unauthorisedrequest', 'The bearer token is invalid or expired');
    return !!principal;
  }
}

const notFound = (id: string) => new ProviderQueryError(404, 'unknownobject', `Nothing with identifier ${id} is published here`);
