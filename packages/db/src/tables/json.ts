import type { ColumnType } from 'kysely';

/**
 * A JSONB column: read as `T`, written as JSON text. Writing text avoids node-pg turning JS
 * arrays into Postgres array literals.
 */
export type Json<T> = ColumnType<T, string, string>;
/** A JSON column with a database default (may be omitted on insert). */
export type DefaultedJson<T> = ColumnType<T, string | undefined, string>;
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** Serialises a value for a {@link Json} column. */
export function json(value: unknown): string {
  return JSON.stringify(value);
}

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
