/**
 * The provider form's state, its conversion from and to the API's shapes, and the mapping of the API's
 * 400 detail paths onto form fields. Pure: no DOM.
 */
import type { ProviderView } from '@llmbench/contracts';

export type ModelRow = {
  /** A client-side key for React lists (model ids may be edited or empty). */
  key: string;
  model_id: string;
  display_name: string;
  context_window: string;
  input_price_per_mtok: string;
  output_price_per_mtok: string;
  /** Comma- or space-separated parameter names. */
  skip_params: string;
  default_params: Record<string, unknown> | undefined;
};

/** `keep` sends no api_key (the stored one stays), `replace` sends the new key, `clear` sends null. */
export type KeyMode = 'keep' | 'replace' | 'clear';

export type ProviderForm = {
  provider: string;
  provider_key: string;
  name: string;
  base_url: string;
  api_key: string;
  key_mode: KeyMode;
  max_concurrency: string;
  models: ModelRow[];
};

let counter = 0;
export const rowKey = (): string => `m${++counter}`;

export function emptyModel(): ModelRow {
  return {
    key: rowKey(),
    model_id: '',
    display_name: '',
    context_window: '',
    input_price_per_mtok: '',
    output_price_per_mtok: '',
    skip_params: '',
    default_params: undefined,
  };
}

export function emptyForm(): ProviderForm {
  return {
    provider: 'openai_compatible',
    provider_key: '',
    name: '',
    base_url: '',
    api_key: '',
    key_mode: 'replace',
    max_concurrency: '',
    models: [emptyModel()],
  };
}

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function formFromProvider(p: ProviderView): ProviderForm {
  return {
    provider: p.provider,
    provider_key: p.provider_key,
    name: p.name,
    base_url: p.base_url ?? '',
    api_key: '',
    key_mode: p.has_api_key ? 'keep' : 'replace',
    max_concurrency: str(p.max_concurrency),
    models: p.models.map((m) => ({
      key: rowKey(),
      model_id: m.model_id,
      display_name: m.display_name ?? '',
      context_window: str(m.context_window),
      input_price_per_mtok: str(m.input_price_per_mtok),
      output_price_per_mtok: str(m.output_price_per_mtok),
      skip_params: (m.skip_params ?? []).join(', '),
      default_params:
        m.default_params && Object.keys(m.default_params).length > 0 ? { ...m.default_params } : undefined,
    })),
  };
}

export function parseSkipParams(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** A number field: empty → absent; anything else is sent as a number (or as typed, for the API to reject). */
function numberField(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

function modelBody(m: ModelRow): Record<string, unknown> {
  const out: Record<string, unknown> = { model_id: m.model_id.trim() };
  if (m.display_name.trim()) out.display_name = m.display_name.trim();
  const cw = numberField(m.context_window);
  if (cw !== undefined) out.context_window = cw;
  const inPrice = numberField(m.input_price_per_mtok);
  if (inPrice !== undefined) out.input_price_per_mtok = inPrice;
  const outPrice = numberField(m.output_price_per_mtok);
  if (outPrice !== undefined) out.output_price_per_mtok = outPrice;
  out.skip_params = parseSkipParams(m.skip_params);
  if (m.default_params && Object.keys(m.default_params).length > 0) out.default_params = m.default_params;
  return out;
}

/**
 * The POST (create) or PUT (update) body. The API key is write-only: on update it is sent only when the user
 * replaces it (or `null` to remove it); otherwise the stored key stays.
 */
export function requestBody(form: ProviderForm, mode: 'create' | 'update'): Record<string, unknown> {
  const body: Record<string, unknown> = { provider: form.provider };
  if (mode === 'create') body.provider_key = form.provider_key.trim();
  if (form.name.trim()) body.name = form.name.trim();
  if (form.base_url.trim()) body.base_url = form.base_url.trim();
  const mc = numberField(form.max_concurrency);
  if (mc !== undefined) body.max_concurrency = mc;
  if (form.key_mode === 'clear' && mode === 'update') body.api_key = null;
  else if (form.key_mode === 'replace' && form.api_key !== '') body.api_key = form.api_key;
  body.models = form.models.map(modelBody);
  return body;
}

export type Detail = { path: string; message: string };

/** Strips the `body.` prefix from an API detail path. */
export const fieldPath = (path: string): string => path.replace(/^body\./, '');

/** The messages for one field path (`models.0.model_id`), joined. */
export function errorAt(details: readonly Detail[] | undefined, path: string): string | undefined {
  const found = (details ?? []).filter((d) => fieldPath(d.path) === path).map((d) => d.message);
  return found.length ? found.join('; ') : undefined;
}

/** Errors about a model's default parameter `name` (or the whole default_params object when name is ''). */
export function paramErrorAt(
  details: readonly Detail[] | undefined,
  index: number,
  name: string,
): string | undefined {
  return errorAt(details, name ? `models.${index}.default_params.${name}` : `models.${index}.default_params`);
}

/** The details no field of the form shows (they go into the banner instead). */
export function unplacedDetails(details: readonly Detail[], placed: (path: string) => boolean): Detail[] {
  return details.filter((d) => !placed(fieldPath(d.path)));
}

const FIELD_PATHS = new Set([
  'provider',
  'provider_key',
  'name',
  'base_url',
  'api_key',
  'max_concurrency',
  'models',
]);
const MODEL_FIELDS = new Set([
  'model_id',
  'display_name',
  'context_window',
  'input_price_per_mtok',
  'output_price_per_mtok',
  'skip_params',
]);

/** Whether the form shows an error at `path` next to a field (top-level fields, model fields, parameters). */
export function isPlaced(path: string, modelCount: number): boolean {
  if (FIELD_PATHS.has(path)) return true;
  const m = /^models\.(\d+)\.([a-z_]+)(?:\.|$)/.exec(path);
  if (!m) return false;
  const index = Number(m[1]);
  if (index >= modelCount) return false;
  const field = m[2] ?? '';
  return MODEL_FIELDS.has(field) || field === 'default_params';
}

/** Index of the first model mentioned by the details (to open its panel), or undefined. */
export function firstModelWithError(details: readonly Detail[]): number | undefined {
  for (const d of details) {
    const m = /^models\.(\d+)\./.exec(fieldPath(d.path));
    if (m) return Number(m[1]);
  }
  return undefined;
}
