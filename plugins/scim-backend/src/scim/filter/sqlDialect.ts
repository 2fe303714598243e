import { Knex } from 'knex';

/** A parameterised SQL fragment. */
export interface Sql {
  sql: string;
  bindings: unknown[];
}

export const sql = (text: string, ...bindings: unknown[]): Sql => ({
  sql: text,
  bindings,
});

export const ALWAYS = sql('1 = 1');
export const NEVER = sql('1 = 0');

/** Joins fragments with a separator, keeping bindings in order. */
export function joinSql(parts: Sql[], separator: string): Sql {
  return {
    sql: parts.map(p => `(${p.sql})`).join(separator),
    bindings: parts.flatMap(p => p.bindings),
  };
}

/** The disjunction of `parts`; false when there are none. */
export const anyOf = (parts: Sql[]): Sql =>
  parts.length > 0 ? joinSql(parts, ' OR ') : NEVER;

/**
 * Negation in two-valued logic: a comparison on an absent attribute is NULL
 * in SQL, and `NOT NULL` would drop the row that `not (title eq "x")` must keep.
 */
export const negate = (condition: Sql): Sql =>
  sql(`(${condition.sql}) IS NOT TRUE`, ...condition.bindings);

/**
 * The few places where SQLite and PostgreSQL differ for filters: JSON access,
 * substring tests, boolean literals and string ordering.
 */
export interface SqlDialect {
  /** A scalar inside a JSON text column, as text (SQLite: native JSON types). */
  jsonValue(column: string, path: string[]): Sql;
  /** `FROM` item iterating the array at `path`, exposing each element as `<alias>.value`. */
  jsonElements(column: string, path: string[], alias: string): Sql;
  /** A scalar sub-attribute of an element produced by `jsonElements`. */
  elementValue(alias: string, key: string): Sql;
  /** A boolean as compared with a JSON scalar. */
  jsonBoolean(value: boolean): unknown;
  /** A boolean as compared with a boolean column. */
  columnBoolean(value: boolean): unknown;
  /**
   * Substring tests without LIKE, so `%`, `_` and `\` in values need no
   * escaping and case-exactness is the same on both engines (SQLite's LIKE
   * ignores ASCII case, PostgreSQL's does not).
   */
  contains(expr: Sql, value: string): Sql;
  startsWith(expr: Sql, value: string): Sql;
  endsWith(expr: Sql, value: string): Sql;
  /** Byte-order comparison (`gt`, `le`...), the same on both engines. */
  compare(expr: Sql, operator: string, value: unknown): Sql;
}

/** `$."a"."b"`: keys are canonical schema names, quoted for the URN's colons and dots. */
const sqliteJsonPath = (path: string[]) =>
  `$${path.map(key => `."${key}"`).join('')}`;

const sqlite: SqlDialect = {
  jsonValue: (column, path) =>
    sql(`json_extract(${column}, ?)`, sqliteJsonPath(path)),
  jsonElements: (column, path, alias) =>
    sql(`json_each(${column}, ?) AS ${alias}`, sqliteJsonPath(path)),
  elementValue: (alias, key) =>
    sql(`json_extract(${alias}.value, ?)`, sqliteJsonPath([key])),
  jsonBoolean: value => (value ? 1 : 0),
  columnBoolean: value => (value ? 1 : 0),
  contains: (e, v) => sql(`instr(${e.sql}, ?) > 0`, ...e.bindings, v),
  startsWith: (e, v) =>
    sql(`substr(${e.sql}, 1, length(?)) = ?`, ...e.bindings, v, v),
  // substr(x, -n) keeps the last n characters.
  endsWith: (e, v) =>
    sql(`substr(${e.sql}, -length(?)) = ?`, ...e.bindings, v, v),
  compare: (e, operator, v) => sql(`${e.sql} ${operator} ?`, ...e.bindings, v),
};

/** JSON paths are bound as text[] parameters, so keys need no quoting at all. */
const postgres: SqlDialect = {
  jsonValue: (column, path) => sql(`((${column})::jsonb #>> ?::text[])`, path),
  jsonElements: (column, path, alias) =>
    sql(
      `jsonb_array_elements(COALESCE((${column})::jsonb #> ?::text[], '[]'::jsonb)) AS ${alias}(value)`,
      path,
    ),
  elementValue: (alias, key) => sql(`(${alias}.value ->> ?::text)`, key),
  jsonBoolean: value => String(value),
  columnBoolean: value => value,
  contains: (e, v) => sql(`strpos(${e.sql}, ?::text) > 0`, ...e.bindings, v),
  startsWith: (e, v) =>
    sql(`left(${e.sql}, length(?::text)) = ?`, ...e.bindings, v, v),
  endsWith: (e, v) =>
    sql(`right(${e.sql}, length(?::text)) = ?`, ...e.bindings, v, v),
  compare: (e, operator, v) =>
    sql(`${e.sql} COLLATE "C" ${operator} ?`, ...e.bindings, v),
};

/** The dialect of a Backstage database client (`pg` or `better-sqlite3`). */
export function dialectOf(db: Knex): SqlDialect {
  const client = String(db.client.config.client);
  if (client.includes('pg') || client.includes('postgres')) {
    return postgres;
  }
  if (client.includes('sqlite')) {
    return sqlite;
  }
  throw new Error(`SCIM filters do not support the database client ${client}`);
}
