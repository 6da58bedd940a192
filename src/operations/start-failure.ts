import type { AppConfig } from '../config/app-config.js';

/** Turns a start-up failure into a sentence that names the setting to change. */
export function explainStartFailure(err: unknown, config: Pick<AppConfig, 'port'>): Error {
  const e = err as NodeJS.ErrnoException & { port?: number };
  if (e?.code === 'EADDRINUSE' && (e.port === config.port || e.port === undefined)) {
    return new Error(
      `Port ${config.port} is already in use (another Pathways or another program): set PORT to a free port, e.g. PORT=${config.port + 1} npm start`,
    );
  }
  if (e?.code === 'EACCES') return new Error(`Port ${config.port} needs privileges this user lacks: set PORT to a number above 1023`);
  return err instanceof Error ? err : new Error(String(err));
}
