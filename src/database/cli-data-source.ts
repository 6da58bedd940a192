import { createDataSource } from './data-source.js';

/** The data source the TypeORM CLI uses (migration:generate / run / revert). */
export default createDataSource(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/pathways');
