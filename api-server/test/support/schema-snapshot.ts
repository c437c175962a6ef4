import pg from 'pg';

/**
 * A normalised description of a database's public schema, from the catalogs: columns with types,
 * defaults and nullability, constraints, indexes and enum types. Prisma's own bookkeeping table
 * is left out. Two databases with equal snapshots have the same schema.
 */
export async function schemaSnapshot(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows: string[] = [];
    const skip = `'_prisma_migrations'`;
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> ${skip}`);
    for (const c of columns.rows) {
      rows.push(`column ${c.table_name}.${c.column_name} ${c.data_type}/${c.udt_name} null=${c.is_nullable} default=${c.column_default}`);
    }
    const constraints = await client.query(`
      SELECT rel.relname AS table_name, con.conname, pg_get_constraintdef(con.oid) AS def
      FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
      WHERE n.nspname = 'public' AND rel.relname <> ${skip}`);
    for (const c of constraints.rows) rows.push(`constraint ${c.table_name}.${c.conname} ${c.def}`);
    const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ${skip}`);
    for (const i of indexes.rows) rows.push(`index ${i.indexname} ${i.indexdef}`);
    const enums = await client.query(`
      SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    for (const e of enums.rows) rows.push(`enum ${e.typname} ${e.labels}`);
    return rows.sort();
  } finally {
    await client.end();
  }
}
