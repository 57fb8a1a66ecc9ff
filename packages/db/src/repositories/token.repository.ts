import type { Db } from '../database.js';

const API_TOKEN_VIEW = ['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at'] as const;

/** Refresh tokens and personal API tokens; both are stored only as SHA-256 hashes. */
export class TokenRepository {
  constructor(private readonly db: Db) {}

  createRefresh(userId: string, tokenHash: string, familyId: string, expiresAt: Date) {
    return this.db
      .insertInto('refresh_tokens')
      .values({ user_id: userId, token_hash: tokenHash, family_id: familyId, expires_at: expiresAt })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  getRefreshByHash(tokenHash: string) {
    return this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  /**
   * Marks one refresh token used. Returns nothing when it was already revoked, which lets
   * the caller detect reuse of a rotated token atomically.
   */
  revokeRefreshIfActive(id: string) {
    return this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
  }

  revokeRefreshFamily(familyId: string) {
    return this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: new Date() })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  createApiToken(
    userId: string,
    name: string,
    tokenHash: string,
    tokenPrefix: string,
    expiresAt: Date | null,
  ) {
    return this.db
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name,
        token_hash: tokenHash,
        token_prefix: tokenPrefix,
        expires_at: expiresAt,
      })
      .returning(API_TOKEN_VIEW)
      .executeTakeFirstOrThrow();
  }

  listApiTokens(userId: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(API_TOKEN_VIEW)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  }

  revokeApiToken(userId: string, id: string) {
    return this.db
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
  }

  /** The owner of a live (not revoked, not expired) API token, touching its last use. */
  useApiToken(tokenHash: string) {
    return this.db
      .updateTable('api_tokens')
      .set({ last_used_at: new Date() })
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
      .returning(['id', 'user_id'])
      .executeTakeFirst();
  }
}
