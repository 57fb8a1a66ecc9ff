/**
 * How the meta-model and the judge answer, so the tuner's and judge's tolerance is testable: `json`
 * as asked, `fenced` inside a markdown code fence, `prose` with text around the JSON, `malformed`
 * cut off part-way, `empty` with no JSON at all, `error` an HTTP 500, `missing_fields` with only the
 * first two keys of the object, `out_of_range` with every number ×20.
 */
export const META_REPLIES = [
  'json',
  'fenced',
  'prose',
  'malformed',
  'empty',
  'error',
  'missing_fields',
  'out_of_range',
] as const;
export type MetaReply = (typeof META_REPLIES)[number];

/** The meta answer's text in the given shape (`error` is answered at the HTTP level instead). */
export function shapeMetaReply(json: string, mode: Exclude<MetaReply, 'error'>): string {
  switch (mode) {
    case 'json':
      return json;
    case 'fenced':
      return `Sure! Here are the prompts:\n\`\`\`json\n${json}\n\`\`\``;
    case 'prose':
      return `Here are the variations you asked for: ${json} Let me know if you want more.`;
    case 'malformed':
      return json.slice(0, Math.max(1, Math.floor(json.length * 0.6)));
    case 'empty':
      return 'I am sorry, I cannot produce those prompts right now.';
    case 'missing_fields':
    case 'out_of_range':
      return reshapeObject(json, mode);
  }
}

function reshapeObject(json: string, mode: 'missing_fields' | 'out_of_range'): string {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return json;
  const entries = Object.entries(value);
  if (mode === 'missing_fields') return JSON.stringify(Object.fromEntries(entries.slice(0, 2)));
  return JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'number' ? v * 20 : v])));
}

/**
 * Picks each answer's shape from a sequence: the n-th request of this process gets the n-th entry;
 * then the last entry repeats (`SANDBOX_META_REPLIES=json,error`) or, with `cycle`, the sequence
 * starts over (`SANDBOX_JUDGE_REPLIES`, so faults spread over a run's cases).
 */
export class MetaReplySequence {
  private served = 0;
  constructor(
    private readonly sequence: readonly MetaReply[],
    private readonly cycle = false,
  ) {}

  next(): MetaReply {
    const n = this.sequence.length;
    const i = this.cycle ? this.served % n : Math.min(this.served, n - 1);
    this.served++;
    return this.sequence[i] ?? 'json';
  }
}
