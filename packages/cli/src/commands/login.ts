import { hostname } from 'node:os';
import type { AuthResponse, CreatedApiToken } from '@llmbench/contracts';
import { ApiClient } from '../api-client.js';
import { saveCredentials } from '../config.js';
import { EXIT } from '../errors.js';
import type { Command } from './command.js';

export const login: Command = {
  name: 'login',
  synopsis: '--url URL --email E --password P',
  options: { url: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } },
  async run(args, ctx) {
    const anonymous = new ApiClient(args.required('url'));
    const email = args.required('email');
    const session = await anonymous.post<AuthResponse>('/api/auth/login', {
      email,
      password: args.required('password'),
    });
    // Access tokens expire within the hour; a personal API token keeps the CLI (and CI) logged
    // in, and can be revoked on its own from the token list.
    const user = new ApiClient(anonymous.baseUrl, session.access_token);
    const created = await user.post<CreatedApiToken>('/api/auth/tokens', {
      name: `lbs cli on ${hostname()}`.slice(0, 100),
    });
    await saveCredentials(ctx.env.configPath, { url: anonymous.baseUrl, token: created.token });
    ctx.io.stdout.write(
      `logged in to ${anonymous.baseUrl} as ${session.user.email}; token saved in ${ctx.env.configPath}\n`,
    );
    return EXIT.ok;
  },
};
