import { AppError, ErrorCode } from '../../common/app-error.js';
import { ASSOCIATION_TYPES, UUID_PATTERN, type CfPackage, type Json } from './case-types.js';

/** A change made to accept an off-spec or CASE 1.0-shaped package, reported to HR in the preview. */
export interface Adjustment {
  path: string;
  message: string;
}

export enum CaseErrorCode {
  NOT_JSON = 'CASE_NOT_JSON',
  TOO_LARGE = 'CASE_TOO_LARGE',
  FETCH_FAILED = 'CASE_FETCH_FAILED',
  BAD_SHAPE = 'CASE_BAD_SHAPE',
  BAD_IDENTIFIER = 'CASE_BAD_IDENTIFIER',
  BAD_URI = 'CASE_BAD_URI',
  UNKNOWN_ASSOCIATION_TYPE = 'CASE_UNKNOWN_ASSOCIATION_TYPE',
  DUPLICATE_IDENTIFIER = 'CASE_DUPLICATE_IDENTIFIER',
  DANGLING_ASSOCIATION = 'CASE_DANGLING_ASSOCIATION',
  CYCLE = 'CASE_CYCLE',
  /** CONFLICT: an identifier in the package is already published by another framework here. */
  IDENTIFIER_TAKEN = 'CASE_IDENTIFIER_TAKEN',
}

/**
 * A package refused: `extensions.reason` (and `caseCode`, the same value) says why, `path` where in the document,
 * `identifiers` which nodes.
 */
export const caseError = (caseCode: CaseErrorCode, path: string, message: string, identifiers?: string[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, { caseCode, path, ...(identifiers ? { identifiers } : {}) }, caseCode);

const DOC_FIELDS = [
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
  'extensions',
];
const ITEM_FIELDS = [
  'identifier',
  'fullStatement',
  'alternativeLabel',
  'CFItemType',
  'uri',
  'humanCodingScheme',
  'listEnumeration',
  'abbreviatedStatement',
  'conceptKeywords',
  'conceptKeywordsURI',
  'notes',
  'subject',
  'subjectURI',
  'language',
  'educationLevel',
  'CFItemTypeURI',
  'licenseURI',
  'statusStartDate',
  'statusEndDate',
  'lastChangeDateTime',
  'extensions',
];
const ASSOC_FIELDS = [
  'identifier',
  'associationType',
  'sequenceNumber',
  'uri',
  'originNodeURI',
  'destinationNodeURI',
  'CFAssociationGroupingURI',
  'lastChangeDateTime',
  'notes',
  'extensions',
];
const RUBRIC_FIELDS = ['identifier', 'uri', 'title', 'description', 'lastChangeDateTime', 'CFRubricCriteria', 'extensions'];
const CRITERION_FIELDS = [
  'identifier',
  'uri',
  'category',
  'description',
  'CFItemURI',
  'weight',
  'position',
  'rubricId',
  'lastChangeDateTime',
  'CFRubricCriterionLevels',
  'extensions',
];
const LEVEL_FIELDS = [
  'identifier',
  'uri',
  'description',
  'quality',
  'score',
  'feedback',
  'position',
  'rubricCriterionId',
  'lastChangeDateTime',
  'extensions',
];
const LINK_FIELDS = ['title', 'identifier', 'uri'];
const STRING_ARRAYS = ['subject', 'educationLevel', 'conceptKeywords'];
const LINK_ARRAYS = ['subjectURI'];
const LINKS = ['licenseURI', 'CFItemTypeURI', 'conceptKeywordsURI', 'CFAssociationGroupingURI', 'CFItemURI'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export const isAbsoluteUri = (s: string): boolean => {
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
};

/**
 * Parses a package leniently: CASE 1.0 names and small deviations are repaired and each repair reported; anything
 * that would make the framework wrong (bad identifiers, relative URIs, unknown association types) is refused with
 * the path of the offending value. Nothing here touches a database.
 */
export function normalisePackage(text: string, maxBytes: number): { pkg: CfPackage; adjustments: Adjustment[] } {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) {
    throw caseError(
      CaseErrorCode.TOO_LARGE,
      '$',
      `The package is ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB. Split the framework or ask the publisher for a smaller export.`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw caseError(
      CaseErrorCode.NOT_JSON,
      '$',
      `The file is not JSON (${(e as Error).message.slice(0, 120)}); export the framework from its provider as a CASE JSON CFPackage.`,
    );
  }
  if (!isObject(raw))
    throw caseError(CaseErrorCode.BAD_SHAPE, '$', 'A CFPackage is a JSON object with CFDocument, CFItems and CFAssociations');
  const n = new Normaliser();
  return { pkg: n.pkg(raw), adjustments: n.adjustments };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Normaliser {
  readonly adjustments: Adjustment[] = [];
  private docChanged = '';

  pkg(raw: Json): CfPackage {
    for (const key of Object.keys(raw)) {
      if (!['CFDocument', 'CFItems', 'CFAssociations', 'CFRubrics', 'CFDefinitions', 'extensions'].includes(key)) this.drop('$', key);
    }
    if (raw.CFDefinitions !== undefined)
      this.adjust('$.CFDefinitions', 'CFDefinitions dropped: item types are kept on each item as CFItemType');
    if (!isObject(raw.CFDocument)) throw caseError(CaseErrorCode.BAD_SHAPE, '$.CFDocument', 'The package has no CFDocument object');
    const doc = this.document(raw.CFDocument);
    const items = this.array(raw, 'CFItems', '$').map((it, i) => this.item(it, `$.CFItems[${i}]`));
    const associations = this.array(raw, 'CFAssociations', '$').map((a, i) => this.association(a, `$.CFAssociations[${i}]`));
    const rubrics = this.array(raw, 'CFRubrics', '$').map((r, i) => this.rubric(r, `$.CFRubrics[${i}]`));
    return {
      CFDocument: doc as CfPackage['CFDocument'],
      CFItems: items as unknown as CfPackage['CFItems'],
      CFAssociations: associations as unknown as CfPackage['CFAssociations'],
      ...(rubrics.length ? { CFRubrics: rubrics as unknown as CfPackage['CFRubrics'] } : {}),
    };
  }

  private document(raw: Json): Json {
    const path = '$.CFDocument';
    const d = this.pick(raw, DOC_FIELDS, path);
    this.identifier(d, path);
    this.uri(d, path);
    if (typeof d.title !== 'string' || !d.title.trim())
      throw caseError(CaseErrorCode.BAD_SHAPE, `${path}.title`, 'The CFDocument needs a title');
    if (typeof d.creator !== 'string' || !d.creator) {
      d.creator = typeof d.publisher === 'string' && d.publisher ? d.publisher : 'Unknown';
      this.adjust(`${path}.creator`, `creator missing; set to "${d.creator}"`);
    }
    if (d.caseVersion !== undefined && d.caseVersion !== '1.1') {
      this.adjust(`${path}.caseVersion`, `caseVersion "${String(d.caseVersion)}" dropped (read as CASE 1.1)`);
      delete d.caseVersion;
    }
    this.dateTime(d, path, '1970-01-01T00:00:00Z');
    this.docChanged = d.lastChangeDateTime as string;
    this.common(d, path);
    return d;
  }

  private item(raw: unknown, path: string): Json {
    if (!isObject(raw)) throw caseError(CaseErrorCode.BAD_SHAPE, path, 'Each CFItem must be an object');
    if (raw.educationalLevel !== undefined && raw.educationLevel === undefined) {
      raw = { ...raw, educationLevel: raw.educationalLevel };
      this.adjust(`${path}.educationalLevel`, 'educationalLevel renamed educationLevel (CASE 1.1 name)');
      delete (raw as Json).educationalLevel;
    }
    const it = this.pick(raw as Json, ITEM_FIELDS, path);
    this.identifier(it, path);
    if (typeof it.fullStatement !== 'string' || !it.fullStatement.trim()) {
      const fallback = [it.abbreviatedStatement, it.humanCodingScheme].find((v) => typeof v === 'string' && v.trim());
      if (!fallback)
        throw caseError(CaseErrorCode.BAD_SHAPE, `${path}.fullStatement`, `CFItem ${String(it.identifier)} has no fullStatement`, [
          it.identifier as string,
        ]);
      it.fullStatement = fallback;
      this.adjust(`${path}.fullStatement`, 'fullStatement missing; taken from abbreviatedStatement or humanCodingScheme');
    }
    this.uriOrUrn(it, path);
    this.dateTime(it, path, this.docChanged);
    this.common(it, path);
    return it;
  }

  private association(raw: unknown, path: string): Json {
    if (!isObject(raw)) throw caseError(CaseErrorCode.BAD_SHAPE, path, 'Each CFAssociation must be an object');
    const a = this.pick(raw, ASSOC_FIELDS, path);
    this.identifier(a, path);
    const type = a.associationType;
    if (typeof type !== 'string' || !((ASSOCIATION_TYPES as readonly string[]).includes(type) || /^ext:\S+$/.test(type))) {
      throw caseError(
        CaseErrorCode.UNKNOWN_ASSOCIATION_TYPE,
        `${path}.associationType`,
        `associationType "${String(type)}" is not in the CASE 1.1 vocabulary; an extension type must start with "ext:"`,
        [a.identifier as string],
      );
    }
    for (const end of ['originNodeURI', 'destinationNodeURI']) {
      if (!isObject(a[end]))
        throw caseError(CaseErrorCode.BAD_SHAPE, `${path}.${end}`, `CFAssociation ${String(a.identifier)} needs ${end}`, [
          a.identifier as string,
        ]);
      a[end] = this.link(a[end] as Json, `${path}.${end}`, true);
    }
    if (typeof a.sequenceNumber === 'string' && /^\d+$/.test(a.sequenceNumber)) {
      a.sequenceNumber = Number(a.sequenceNumber);
      this.adjust(`${path}.sequenceNumber`, 'sequenceNumber given as text; read as a number');
    } else if (a.sequenceNumber !== undefined && !Number.isInteger(a.sequenceNumber)) {
      delete a.sequenceNumber;
      this.adjust(`${path}.sequenceNumber`, 'sequenceNumber is not an integer; dropped');
    }
    this.uriOrUrn(a, path);
    this.dateTime(a, path, this.docChanged);
    this.common(a, path);
    return a;
  }

  private rubric(raw: unknown, path: string): Json {
    if (!isObject(raw)) throw caseError(CaseErrorCode.BAD_SHAPE, path, 'Each CFRubric must be an object');
    const r = this.pick(raw, RUBRIC_FIELDS, path);
    this.identifier(r, path);
    this.uriOrUrn(r, path);
    this.dateTime(r, path, this.docChanged);
    r.CFRubricCriteria = this.array(r, 'CFRubricCriteria', path).map((c, i) => {
      const cp = `${path}.CFRubricCriteria[${i}]`;
      if (!isObject(c)) throw caseError(CaseErrorCode.BAD_SHAPE, cp, 'Each CFRubricCriterion must be an object');
      const crit = this.pick(c, CRITERION_FIELDS, cp);
      this.identifier(crit, cp);
      this.uriOrUrn(crit, cp);
      this.dateTime(crit, cp, this.docChanged);
      if (isObject(crit.CFItemURI)) crit.CFItemURI = this.link(crit.CFItemURI, `${cp}.CFItemURI`, false);
      crit.CFRubricCriterionLevels = this.array(crit, 'CFRubricCriterionLevels', cp).map((l, j) => {
        const lp = `${cp}.CFRubricCriterionLevels[${j}]`;
        if (!isObject(l)) throw caseError(CaseErrorCode.BAD_SHAPE, lp, 'Each CFRubricCriterionLevel must be an object');
        const level = this.pick(l, LEVEL_FIELDS, lp);
        this.identifier(level, lp);
        this.uriOrUrn(level, lp);
        this.dateTime(level, lp, this.docChanged);
        return level;
      });
      return crit;
    });
    return r;
  }

  /** Arrays of strings, links and dates that CASE 1.0 exports often give in another shape. */
  private common(o: Json, path: string): void {
    for (const key of STRING_ARRAYS) {
      if (typeof o[key] === 'string') {
        o[key] = (o[key] as string)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        this.adjust(`${path}.${key}`, `${key} given as text; read as a list`);
      }
    }
    for (const key of LINKS) if (isObject(o[key])) o[key] = this.link(o[key] as Json, `${path}.${key}`, false);
    for (const key of LINK_ARRAYS) {
      if (Array.isArray(o[key])) o[key] = (o[key] as unknown[]).filter(isObject).map((l, i) => this.link(l, `${path}.${key}[${i}]`, false));
    }
    for (const key of ['statusStartDate', 'statusEndDate']) {
      if (o[key] === undefined) continue;
      const m = typeof o[key] === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(o[key] as string) : null;
      if (!m) {
        delete o[key];
        this.adjust(`${path}.${key}`, `${key} is not a date; dropped`);
      } else if (m[1] !== o[key]) {
        o[key] = m[1];
        this.adjust(`${path}.${key}`, `${key} trimmed to a date`);
      }
    }
  }

  private link(raw: Json, path: string, general: boolean): Json {
    const l = this.pick(raw, general ? [...LINK_FIELDS, 'targetType'] : LINK_FIELDS, path);
    if (typeof l.identifier !== 'string' || !l.identifier)
      throw caseError(CaseErrorCode.BAD_IDENTIFIER, `${path}.identifier`, 'A link needs the identifier of the node it points at');
    this.identifier(l, path);
    if (typeof l.uri !== 'string') throw caseError(CaseErrorCode.BAD_URI, `${path}.uri`, 'A link needs the uri of the node it points at');
    this.uri(l, path);
    if (typeof l.title !== 'string') {
      l.title = '';
      this.adjust(`${path}.title`, 'link title missing; left empty');
    }
    return l;
  }

  private identifier(o: Json, path: string): void {
    const id = o.identifier;
    if (typeof id !== 'string' || !UUID_PATTERN.test(id.toLowerCase())) {
      throw caseError(
        CaseErrorCode.BAD_IDENTIFIER,
        `${path}.identifier`,
        `identifier "${String(id)}" is not a UUID; CASE identifiers are UUIDs such as 9a6b8a52-1c3f-4f6e-9d0e-2f7c5b1a0c11`,
      );
    }
    if (id !== id.toLowerCase()) {
      o.identifier = id.toLowerCase();
      this.adjust(`${path}.identifier`, 'identifier lower-cased');
    }
  }

  private uri(o: Json, path: string): void {
    if (typeof o.uri !== 'string' || !isAbsoluteUri(o.uri)) {
      throw caseError(
        CaseErrorCode.BAD_URI,
        `${path}.uri`,
        `uri "${String(o.uri)}" is not an absolute URI (it needs a scheme such as https:)`,
      );
    }
  }

  private uriOrUrn(o: Json, path: string): void {
    if (o.uri === undefined || o.uri === '') {
      o.uri = `urn:uuid:${o.identifier as string}`;
      this.adjust(`${path}.uri`, `uri missing; set to ${o.uri as string}`);
    } else this.uri(o, path);
  }

  private dateTime(o: Json, path: string, fallback: string): void {
    const v = o.lastChangeDateTime;
    if (typeof v === 'string' && DATE_TIME.test(v)) return;
    let fixed = fallback;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(v)) fixed = `${v}Z`;
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) fixed = `${v}T00:00:00Z`;
    else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(v)) fixed = `${v.replace(' ', 'T')}Z`;
    o.lastChangeDateTime = fixed;
    this.adjust(
      `${path}.lastChangeDateTime`,
      v === undefined ? `lastChangeDateTime missing; set to ${fixed}` : `lastChangeDateTime "${String(v)}" read as ${fixed} (UTC)`,
    );
  }

  private pick(raw: Json, allowed: string[], path: string): Json {
    const out: Json = {};
    for (const [k, v] of Object.entries(raw)) {
      if (v === null) {
        this.adjust(`${path}.${k}`, `${k} is null; dropped`);
      } else if (allowed.includes(k)) out[k] = v;
      else this.drop(path, k);
    }
    return out;
  }

  private array(o: Json, key: string, path: string): unknown[] {
    const v = o[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw caseError(CaseErrorCode.BAD_SHAPE, `${path}.${key}`, `${key} must be an array`);
    return v;
  }

  private drop(path: string, key: string): void {
    this.adjust(`${path}.${key}`, `${key} is not a CASE 1.1 property here; dropped`);
  }

  private adjust(path: string, message: string): void {
    this.adjustments.push({ path, message });
  }
}
