/**
 * How the meta-model answers, so the prompt tuner's tolerance is testable: `json` as asked,
 * `fenced` inside a markdown code fence, `prose` with text around the JSON, `malformed` cut off
 * part-way (only the first complete prompts survive), `empty` with no JSON at all, `error` an
 * HTTP 500.
 */
export const META_REPLIES = ['json', 'fenced', 'prose', 'malformed', 'empty', 'error'] as const;
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
  }
}

/**
 * Picks each meta answer's shape from a sequence (`SANDBOX_META_REPLIES=json,error,error`): the
 * n-th meta request of this process gets the n-th entry, the last entry repeats.
 */
export class MetaReplySequence {
  private served = 0;
  constructor(private readonly sequence: readonly MetaReply[]) {}

  next(): MetaReply {
    const mode = this.sequence[Math.min(this.served, this.sequence.length - 1)] ?? 'json';
    this.served++;
    return mode;
  }
}
