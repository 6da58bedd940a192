import type { EntityManager } from 'typeorm';
import { insertDemoHiringRound } from './demo-hiring-round.js';
import type { DemoDistrict } from './demo-plan.js';

/**
 * Demo rows a module adds on top of the core district (panels, applications, ...). Each runs in the
 * same transaction after the district is inserted; it must be deterministic (derive ids with
 * `demoId`, draw randomness from `new Prng(district.options.seed + n)`, dates from `district.options.asOf`).
 */
export type DemoExtension = (m: EntityManager, district: DemoDistrict) => Promise<void>;

/** One line per module. */
export const DEMO_EXTENSIONS: DemoExtension[] = [insertDemoHiringRound];
