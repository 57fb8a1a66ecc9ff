/** Display helpers: one place decides how numbers look everywhere. */
export const pct = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : `${(v * 100).toFixed(digits)} %`;
export const num = (v: number | null | undefined, digits = 3) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : String(Number(v.toFixed(digits)));
export const usd = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v < 0.01 && v > 0 ? `$${v.toFixed(4)}` : `$${v.toFixed(2)}`;
export const ms = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(1)} s`;
export const seconds = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v < 90 ? `${Math.round(v)} s` : `${Math.round(v / 60)} min`;
export const when = (v: string | Date | null | undefined) => (v ? new Date(v).toLocaleString() : '—');
/** `provider::model`, the compound key the API uses for per-model maps. */
export const targetKey = (t: { provider_key: string; model_id: string }) =>
  `${t.provider_key}::${t.model_id}`;
