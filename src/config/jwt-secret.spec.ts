import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_SECRET, loadConfig } from './app-config.js';
import { resolveJwtSecret } from './jwt-secret.js';

describe('the token-signing secret', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'pathways-secret-'));

  it('is generated once, kept owner-only in the data folder, reused on the next start, and announced', () => {
    const file = join(dir(), 'nested', 'jwt-secret');
    const said: string[] = [];
    const first = resolveJwtSecret(loadConfig({ JWT_SECRET_FILE: file }), (m) => said.push(m));
    expect(first.jwtSecret).toHaveLength(64);
    expect(first.jwtSecret).not.toBe(DEV_SECRET);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(said[0]).toMatch(/generated a random token-signing secret/);
    const second = resolveJwtSecret(loadConfig({ JWT_SECRET_FILE: file }), (m) => said.push(m));
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('is not generated when JWT_SECRET is set', () => {
    const file = join(dir(), 'jwt-secret');
    const config = resolveJwtSecret(loadConfig({ JWT_SECRET: 's'.repeat(40), JWT_SECRET_FILE: file }), () => undefined);
    expect(config.jwtSecret).toBe('s'.repeat(40));
    expect(() => statSync(file)).toThrow();
  });
});
