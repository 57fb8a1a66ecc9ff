import type { Generated, Insertable, Selectable } from 'kysely';
import type { Json, NullableJson, Timestamp } from './json.js';

type JsonObject = Record<string, unknown>;

export interface ExperimentTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  description: string;
  suite_id: string | null;
  baseline_eval_id: string | null;
  baseline_score: number | null;
  best_config: NullableJson<JsonObject>;
  best_score: number | null;
  best_source: string | null;
  best_source_id: string | null;
  status: Generated<'active' | 'archived'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type Experiment = Selectable<ExperimentTable>;

export interface PresetTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  description: string;
  search_space: Json<JsonObject>;
  per_model_search_spaces: NullableJson<JsonObject>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type Preset = Selectable<PresetTable>;
export type NewPreset = Insertable<PresetTable>;

export interface AuditLogTable {
  id: Generated<string>;
  user_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  detail: NullableJson<JsonObject>;
  ip: string | null;
  created_at: Timestamp;
}
export type AuditLogEntry = Selectable<AuditLogTable>;
