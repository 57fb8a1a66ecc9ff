import { randomUUID } from 'node:crypto';
import {
  AppError,
  DEFAULT_SANDBOX_MODELS,
  type AuthResponse,
  type LoginRequest,
  type RegisterRequest,
} from '@llmbench/contracts';
import { json, type ProviderRepository, type TokenRepository, type UserRepository } from '@llmbench/db';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../security/password.js';
import { hashToken, randomToken, REFRESH_TOKEN_PREFIX, type AccessTokens } from '../security/tokens.js';
import type { RateLimiter } from '../security/rate-limiter.js';
import { toUserView } from './views.js';

export type AuthServiceDeps = {
  users: UserRepository;
  tokens: TokenRepository;
  providers: ProviderRepository;
  accessTokens: AccessTokens;
  limiter: RateLimiter;
  config: {
    refreshTtlS: number;
    loginMaxPerIp: number;
    loginMaxFailuresPerAccount: number;
    loginWindowS: number;
    registerMaxPerIp: number;
  };
  sandboxBaseUrl: string;
};

const tooMany = (retryAfterS: number, what: string) =>
  new AppError('rate_limited', `too many ${what}; retry in ${retryAfterS} s`, undefined, {
    'Retry-After': String(retryAfterS),
  });

/** Registration, login, token refresh and logout. */
export class AuthService {
  constructor(private readonly deps: AuthServiceDeps) {}

  async register(input: RegisterRequest, ip: string): Promise<AuthResponse> {
    const { limiter, config } = this.deps;
    const ipCheck = await limiter.hit('register-ip', ip, config.registerMaxPerIp, 3600);
    if (!ipCheck.allowed) throw tooMany(ipCheck.retryAfterS, 'registrations from this address');
    const existing = await this.deps.users.getByEmailWithSecret(input.email);
    if (existing)
      throw new AppError('conflict', 'email: an account with this e-mail already exists', [
        { path: 'body.email', message: 'already registered' },
      ]);
    const user = await this.deps.users
      .createFirstIsAdmin(input.email, await hashPassword(input.password))
      .catch((err: unknown) => {
        if (String(err).includes('users_email_lower_idx'))
          throw new AppError('conflict', 'email: an account with this e-mail already exists');
        throw err;
      });
    await this.seedSandboxProvider(user.id);
    return this.issue(user, randomUUID());
  }

  /** Every new user starts with a working provider: the sandbox LLM. */
  private seedSandboxProvider(userId: string) {
    return this.deps.providers.create({
      user_id: userId,
      provider_key: 'sandbox',
      provider: 'sandbox',
      name: 'Sandbox LLM (simulated)',
      base_url: this.deps.sandboxBaseUrl,
      api_key_ciphertext: null,
      models: json(DEFAULT_SANDBOX_MODELS),
      max_concurrency: 8,
    });
  }

  /**
   * Throttled per IP (all attempts) and per account (failures). Unknown e-mails still pay the
   * KDF cost, so timing does not reveal which accounts exist.
   */
  async login(input: LoginRequest, ip: string): Promise<AuthResponse> {
    const { limiter, config } = this.deps;
    const ipCheck = await limiter.hit('login-ip', ip, config.loginMaxPerIp, config.loginWindowS);
    if (!ipCheck.allowed) throw tooMany(ipCheck.retryAfterS, 'login attempts from this address');
    const account = input.email.toLowerCase();
    const accountCheck = await limiter.peek(
      'login-fail',
      account,
      config.loginMaxFailuresPerAccount,
      config.loginWindowS,
    );
    if (!accountCheck.allowed) throw tooMany(accountCheck.retryAfterS, 'failed logins for this account');
    const user = await this.deps.users.getByEmailWithSecret(input.email);
    const ok = await verifyPassword(input.password, user?.password_hash ?? (await DUMMY_PASSWORD_HASH));
    if (!user || !ok || user.disabled_at) {
      await limiter.hit('login-fail', account, config.loginMaxFailuresPerAccount, config.loginWindowS);
      throw new AppError('unauthorized', 'invalid e-mail or password');
    }
    await limiter.reset('login-fail', account);
    await this.deps.users.touchLogin(user.id);
    return this.issue(user, randomUUID());
  }

  /**
   * Rotates a refresh token. Presenting a token that was already rotated means it leaked:
   * the whole family is revoked and the caller must log in again.
   */
  async refresh(refreshToken: string): Promise<AuthResponse> {
    const row = await this.deps.tokens.getRefreshByHash(hashToken(refreshToken));
    if (!row || row.expires_at < new Date())
      throw new AppError('unauthorized', 'refresh_token: invalid or expired');
    const used = await this.deps.tokens.revokeRefreshIfActive(row.id);
    if (!used) {
      await this.deps.tokens.revokeRefreshFamily(row.family_id);
      throw new AppError(
        'unauthorized',
        'refresh_token: already used; all sessions of this login were revoked',
      );
    }
    const user = await this.deps.users.get(row.user_id);
    if (!user || user.disabled_at)
      throw new AppError('unauthorized', 'refresh_token: the account does not exist or is disabled');
    return this.issue(user, row.family_id);
  }

  async logout(userId: string, refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const row = await this.deps.tokens.getRefreshByHash(hashToken(refreshToken));
    if (row && row.user_id === userId) await this.deps.tokens.revokeRefreshFamily(row.family_id);
  }

  private async issue(user: Parameters<typeof toUserView>[0], familyId: string): Promise<AuthResponse> {
    const refresh = randomToken(REFRESH_TOKEN_PREFIX);
    await this.deps.tokens.createRefresh(
      user.id,
      hashToken(refresh),
      familyId,
      new Date(Date.now() + this.deps.config.refreshTtlS * 1000),
    );
    return {
      user: toUserView(user),
      access_token: await this.deps.accessTokens.sign({ sub: user.id, role: user.role }),
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: this.deps.accessTokens.ttlS,
    };
  }
}
