import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ProviderId, ProviderModel } from '@llmbench/contracts';
import type { Json, Timestamp } from './json.js';

export interface ProviderTable {
  id: Generated<string>;
  user_id: string;
  provider_key: string;
  provider: ProviderId;
  name: string;
  base_url: string | null;
  /** AES-256-GCM ciphertext (see gateway crypto); never returned by the API. */
  api_key_ciphertext: string | null;
  models: Json<ProviderModel[]>;
  max_concurrency: Generated<number>;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type Provider = Selectable<ProviderTable>;
export type NewProvider = Insertable<ProviderTable>;
export type ProviderUpdate = Updateable<ProviderTable>;
