import type { DataSource } from 'typeorm';

/** Placeholder until the demo district generator lands. */
export async function seedDemoIfEmpty(_db: DataSource, _log: (m: string) => void): Promise<void> {}
