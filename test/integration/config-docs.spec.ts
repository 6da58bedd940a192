import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8');

/** Every variable src/config/app-config.ts reads, found in its source so a new setting cannot go undocumented. */
function variablesRead(): string[] {
  const source = read('src/config/app-config.ts');
  const names = new Set<string>();
  for (const m of source.matchAll(/env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/(?:int|bool|str|list)\((?:env,\s*)?'([A-Z][A-Z0-9_]+)'/g)) names.add(m[1]);
  return [...names].sort();
}

describe('configuration documentation', () => {
  const variables = variablesRead();

  it('finds the settings the service reads', () => {
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL', 'JWT_SECRET', 'PORT']));
  });

  it('lists every setting in .env.example', () => {
    const documented = new Set([...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });

  it("lists every setting in the README's configuration table", () => {
    const documented = new Set([...read('README.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    expect(variables.filter((v) => !documented.has(v))).toEqual([]);
  });
});
