import type { ApiTokenView, CreateApiTokenRequest, CreatedApiToken } from '@llmbench/contracts';
import type { TokenRepository } from '@llmbench/db';
import { API_TOKEN_PREFIX, hashToken, randomToken } from '../security/tokens.js';

/** Personal API tokens for CLI/CI use: stored hashed, shown once. */
export class ApiTokenService {
  constructor(private readonly tokens: TokenRepository) {}

  async create(userId: string, input: CreateApiTokenRequest): Promise<CreatedApiToken> {
    const token = randomToken(API_TOKEN_PREFIX);
    const expiresAt = input.expires_in_days
      ? new Date(Date.now() + input.expires_in_days * 86_400_000)
      : null;
    const row = await this.tokens.createApiToken(
      userId,
      input.name,
      hashToken(token),
      token.slice(0, 12),
      expiresAt,
    );
    return { ...row, token };
  }

  async list(userId: string): Promise<{ items: ApiTokenView[]; total: number }> {
    const items = await this.tokens.listApiTokens(userId);
    return { items, total: items.length };
  }

  async revoke(userId: string, id: string): Promise<boolean> {
    return (await this.tokens.revokeApiToken(userId, id)) !== undefined;
  }
}
