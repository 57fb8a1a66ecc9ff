import type { ApiClient } from '../api-client.js';
import type { Args, OptionSpec } from '../args.js';
import type { CliEnv } from '../config.js';
import type { Io } from '../io.js';

/** What a command runs with: the streams, the environment and (lazily) an authenticated client. */
export type Context = {
  io: Io;
  env: CliEnv;
  /** Resolves the stored or environment credentials; fails with exit 3 when there are none. */
  client: () => Promise<ApiClient>;
};

export type Command = {
  /** Words after `lbs`, e.g. `eval run`. */
  name: string;
  /** The rest of the synopsis, e.g. `--suite ID --target P::M [--json]`. */
  synopsis: string;
  options: OptionSpec;
  /** Names of the required positional arguments, in order. */
  positionals?: readonly string[];
  /** Resolves to the exit code. */
  run: (args: Args, ctx: Context) => Promise<number>;
};

export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies OptionSpec;

/** Writes a result: the JSON document when `--json`, else the text for a person. */
export function print(ctx: Context, json: boolean, document: unknown, text: () => string): void {
  ctx.io.stdout.write(json ? `${JSON.stringify(document, null, 2)}\n` : text());
}
