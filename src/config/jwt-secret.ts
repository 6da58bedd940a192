import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, type AppConfig } from './app-config.js';

/**
 * Fills in the token-signing secret when JWT_SECRET is unset outside production: a random secret made at
 * the first start and kept (owner-only) in the data folder, so tokens survive restarts and nobody else
 * can forge them. Says so at start-up; one instance per data folder, so clusters must set JWT_SECRET.
 */
export function resolveJwtSecret(config: AppConfig, log: (msg: string) => void): AppConfig {
  if (config.jwtSecret) return config;
  const file = resolve(config.jwtSecretFile);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // 'wx': create only if absent, so two processes starting at once cannot overwrite each other's secret.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    log(
      `JWT_SECRET is not set: generated a random token-signing secret and kept it in ${config.jwtSecretFile}. Set JWT_SECRET to use your own (required when several instances share a database).`,
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    log(`JWT_SECRET is not set: signing tokens with the secret kept in ${config.jwtSecretFile}.`);
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new ConfigError(`${config.jwtSecretFile} holds a secret shorter than 32 characters; delete it to generate a new one`);
  return { ...config, jwtSecret: secret };
}
