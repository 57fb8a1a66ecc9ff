import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { NullableTimestamp, Timestamp } from './json.js';

export interface UserTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  role: Generated<'admin' | 'user'>;
  max_concurrent_jobs: Generated<number>;
  budget_usd_monthly: number | null;
  disabled_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
