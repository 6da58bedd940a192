// Copies the vendored JSON the compiled code reads at run time (schemas, JSON-LD contexts) beside it in dist/.
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
for (const dir of ['src/credentials/schemas', 'src/credentials/contexts']) {
  cpSync(`${root}/${dir}`, `${root}/dist/${dir}`, { recursive: true, filter: (path) => !path.endsWith('.md') });
}
