import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { PrismaClient } from '../generated/prisma/client.js';

/** PostgreSQL's `timestamp without time zone`: Prisma stores UTC there, so it is read as UTC. */
const TIMESTAMP_OID = 1114;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(' ', 'T')}Z`);
const rawTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === TIMESTAMP_OID ? parseUtcTimestamp : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A statement for `PrismaService.sql`: `name` makes it a prepared statement, parsed once per connection. */
export type SqlStatement = { name?: string; text: string };

/**
 * The one Prisma client of the process, over node-postgres (Prisma's Rust-free client). The pool is
 * ours, so the few statements on the hot path of every message (see MessagesService) skip Prisma's
 * query compiler and run as prepared statements on the same connections (`sql`).
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000, max: config.databasePoolSize });
    // An idle connection that breaks (the database restarted) is dropped by the pool; without a
    // listener the error would end the process.
    const logger = new Logger(PrismaService.name);
    pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
  }

  /**
   * Runs one statement on the pool with positional parameters (`$1`…); rows as objects.
   * Timestamps without zone come back as UTC `Date`s (as through Prisma); pass timestamps as ISO
   * strings (`toISOString()`) cast in the SQL (`$1::timestamp`). Errors are node-postgres errors
   * (`code` is PostgreSQL's SQLSTATE).
   */
  async sql<R>(statement: SqlStatement, values: unknown[]): Promise<R[]> {
    const result = await this.pool.query<R & pg.QueryResultRow>({ ...statement, values, types: rawTypes });
    return result.rows;
  }

  /**
   * Last of all, after the servers are closed: the other services' shutdown (an automation tick,
   * messages being stored) and whatever the still-connected sockets sent meanwhile can finish.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.pool.end();
  }
}
