import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One file of graphql/examples, as the console preloads it into a tab. */
export interface ExampleOperation {
  file: string;
  /** The operation's name (the tab's title), or the file name when it has none. */
  name: string;
  query: string;
  /** Pretty JSON taken from the file's `# Variables: { ... }` comment, or null. */
  variables: string | null;
}

const OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/m;

/** The first `{...}` after "Variables" on a comment line that is valid JSON (placeholders included). */
export function exampleVariables(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith('#') || !/Variables/.test(line)) continue;
    const start = line.indexOf('{');
    const end = line.lastIndexOf('}');
    if (start < 0 || end < start) continue;
    try {
      return JSON.stringify(JSON.parse(line.slice(start, end + 1)), null, 2);
    } catch {
      continue;
    }
  }
  return null;
}

export function parseExample(file: string, text: string): ExampleOperation {
  return { file, name: OPERATION.exec(text)?.[1] ?? file.replace(/\.graphql$/, ''), query: text, variables: exampleVariables(text) };
}

/** Every example operation in the folder, by file name (the tests run the same files). */
export function loadExampleOperations(dir: string): ExampleOperation[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .sort();
  } catch {
    return [];
  }
  return files.map((f) => parseExample(f, readFileSync(join(dir, f), 'utf8')));
}
