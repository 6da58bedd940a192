import { readFileSync } from 'node:fs';
import { AppError } from '../../common/app-error.js';
import { normalisePackage } from './normalise-package.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/case/${name}`, import.meta.url), 'utf8');
const MB = 1024 * 1024;

function refusal(text: string, max = MB): Record<string, unknown> {
  try {
    normalisePackage(text, max);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return { code: (e as AppError).code, ...(e as AppError).details };
  }
  throw new Error('expected a refusal');
}

describe('normalisePackage', () => {
  it('reads the CASE 1.0-shaped OpenSALT export, reporting every repair with its path', () => {
    const { pkg, adjustments } = normalisePackage(fixture('opensalt-sample-framework.json'), MB);
    expect(pkg.CFItems).toHaveLength(16);
    expect(pkg.CFAssociations).toHaveLength(39);
    const paths = adjustments.map((a) => a.path);
    expect(paths).toContain('$.CFDefinitions');
    expect(paths).toContain('$.CFDocument.CFPackageURI');
    expect(paths).toContain('$.CFDocument.lastChangeDateTime');
    expect(paths).toContain('$.CFItems[0].educationalLevel');
    expect(pkg.CFItems[0].educationLevel).toEqual(['06']);
    expect(pkg.CFDocument.lastChangeDateTime).toBe('2017-05-25T18:05:33Z');
    expect(pkg.CFItems.every((i) => !('CFDocumentURI' in i))).toBe(true);
  });

  it('lower-cases identifiers and says so', () => {
    const p = JSON.parse(fixture('opensalt-SmartLevelFramework.json'));
    p.CFItems[0].identifier = p.CFItems[0].identifier.toUpperCase().replace(/^0/, 'A');
    const { pkg, adjustments } = normalisePackage(JSON.stringify(p), MB);
    expect(pkg.CFItems[0].identifier).toBe('a0000000-0000-0000-0000-000000000001');
    expect(adjustments).toContainEqual({ path: '$.CFItems[0].identifier', message: 'identifier lower-cased' });
  });

  it.each([
    ['text that is not JSON', 'CFDocument:', 'CASE_NOT_JSON', '$'],
    ['an array', '[]', 'CASE_BAD_SHAPE', '$'],
    ['a package without a CFDocument', '{"CFItems": []}', 'CASE_BAD_SHAPE', '$.CFDocument'],
    [
      'an ext-less unknown association type',
      JSON.stringify({
        ...JSON.parse(fixture('opensalt-SmartLevelFramework.json')),
        CFAssociations: [{ ...JSON.parse(fixture('opensalt-SmartLevelFramework.json')).CFAssociations[0], associationType: 'isFriendOf' }],
      }),
      'CASE_UNKNOWN_ASSOCIATION_TYPE',
      '$.CFAssociations[0].associationType',
    ],
  ])('refuses %s', (_name, text, caseCode, path) => {
    expect(refusal(text)).toMatchObject({ code: 'BAD_USER_INPUT', caseCode, path });
  });

  it('accepts ext: association types', () => {
    const p = JSON.parse(fixture('opensalt-SmartLevelFramework.json'));
    p.CFAssociations[0].associationType = 'ext:isTaughtWith';
    expect(normalisePackage(JSON.stringify(p), MB).pkg.CFAssociations[0].associationType).toBe('ext:isTaughtWith');
  });

  it('refuses a package over the limit before parsing it', () => {
    expect(refusal(`{"x":"${'y'.repeat(2000)}"}`, 1024)).toMatchObject({ caseCode: 'CASE_TOO_LARGE', path: '$' });
  });
});
