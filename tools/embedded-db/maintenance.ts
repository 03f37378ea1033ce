import pg from "pg";

/**
 * What autovacuum does on a Postgres server, for the embedded database, which has none: PGlite runs Postgres
 * as its one backend, without the launcher, so nothing would ever vacuum or analyze it. Dead row versions
 * (every vote rewrites its paper's row) and the GIN indexes' pending lists would then grow for good, and the
 * planner would never get statistics.
 *
 * Every `autovacuum_naptime` it reads the tables' activity counters and, by Postgres's own autovacuum
 * settings (threshold plus scale factor times the rows), vacuums the tables with enough dead rows and
 * analyzes the ones with enough changed rows or no statistics yet. PGlite serves one statement at a time, so
 * each table gets its own statement and the site's queries run in between; ANALYZE samples 9,000 rows
 * (statistics target 30) rather than 30,000, which at 100k papers takes 0.3 s instead of 1.2 s.
 */

/** ANALYZE's statistics target here: 300 × 30 sampled rows. */
const STATISTICS_TARGET = 30;

/** Postgres's default `autovacuum_naptime`: the wait before the first round, and after a failed one. */
const DEFAULT_NAPTIME_MS = 60_000;

/** What one round did to one table. */
export interface TableMaintenance {
  /** Schema and name: "public.Paper", "pgboss.job". */
  table: string;
  vacuumed: boolean;
  analyzed: boolean;
}

interface TableActivity {
  table: string;
  /** The table as SQL names it, quoted: "public"."Paper". */
  target: string;
  vacuum: boolean;
  analyze: boolean;
}

/**
 * One round: the tables due for VACUUM or ANALYZE, as autovacuum would judge them, each done in a statement
 * of its own. The activity counters live in memory (they start at zero when the database starts), so a
 * table that has rows is also analyzed when it has never been (`reltuples` is -1), even with no activity
 * counted since the start. Activity shows in the counters a second or so late; it is then seen at the next
 * round.
 */
export async function maintainOnce(client: pg.ClientBase): Promise<TableMaintenance[]> {
  // The backend hands its counters to the shared ones at most once a second, when idle: now, before reading.
  await client.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await client.query<TableActivity>(`
    SELECT s.schemaname || '.' || s.relname AS table, quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS target,
      s.n_dead_tup > current_setting('autovacuum_vacuum_threshold')::float8
        + current_setting('autovacuum_vacuum_scale_factor')::float8 * greatest(c.reltuples, s.n_live_tup, 0) AS vacuum,
      (c.reltuples < 0 AND pg_relation_size(c.oid) > 0)
        OR s.n_mod_since_analyze > current_setting('autovacuum_analyze_threshold')::float8
          + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, s.n_live_tup, 0) AS analyze
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    ORDER BY s.schemaname, s.relname`);
  const done: TableMaintenance[] = [];
  await client.query(`SET default_statistics_target = ${STATISTICS_TARGET}`);
  try {
    for (const { table, target, vacuum, analyze } of rows) {
      if (!vacuum && !analyze) continue;
      if (vacuum) await client.query(`VACUUM ${target}`);
      if (analyze) await client.query(`ANALYZE ${target}`);
      done.push({ table, vacuumed: vacuum, analyzed: analyze });
    }
  } finally {
    await client.query("RESET default_statistics_target");
  }
  return done;
}

export interface Maintenance {
  stop(): Promise<void>;
}

/**
 * Runs `maintainOnce` against the embedded server at `url` every `everyMs` (by default Postgres's
 * `autovacuum_naptime`, a minute), over a connection of its own that is opened for each round. A failed
 * round is reported on stderr and tried again at the next one.
 */
export function startMaintenance(url: string, options: { everyMs?: number } = {}): Maintenance {
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let stopped = false;

  async function runRound(): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await maintainOnce(client);
      if (options.everyMs) return options.everyMs;
      const { rows } = await client.query<{ ms: string }>(
        "SELECT extract(epoch FROM current_setting('autovacuum_naptime')::interval) * 1000 AS ms",
      );
      return Number(rows[0]?.ms) || DEFAULT_NAPTIME_MS;
    } finally {
      await client.end();
    }
  }

  function schedule(afterMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      round = runRound().then(schedule, (error: unknown) => {
        console.error(`Embedded database maintenance failed: ${error instanceof Error ? error.message : error}`);
        schedule(options.everyMs ?? DEFAULT_NAPTIME_MS);
      });
    }, afterMs);
    timer.unref();
  }

  schedule(options.everyMs ?? DEFAULT_NAPTIME_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
