// The PostgreSQL store of org-history (`org-history/postgres`): needs the optional peer `pg`.

export { type HistorySummary, listHistories } from './store/postgres/histories.js'
export { migrate } from './store/postgres/migrate.js'
export { openPostgresStore, PostgresStore } from './store/postgres/PostgresStore.js'
export {
  DEFAULT_TABLE,
  type PgClient,
  type PgPool,
  type PgResult,
  type PostgresStoreOptions,
  type TableOptions,
} from './store/postgres/types.js'
