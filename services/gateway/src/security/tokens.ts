import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export const API_TOKEN_PREFIX = 'lbs_';
export const REFRESH_TOKEN_PREFIX = 'lbr_';
const ISSUER = 'llmbench';
const AUDIENCE = 'llmbench-api';

/** SHA-256 of a token: what the database stores instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A random opaque token with a recognisable prefix. */
export function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export type AccessClaims = { sub: string; role: 'admin' | 'user' };

/** Issues and verifies HS256 access tokens. Verification pins the algorithm, so `alg: none` fails. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class AccessTokens {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    readonly ttlS: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: AccessClaims): Promise<string> {
    return new SignJWT({ role: claims.role, typ: 'access' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlS}s`)
      .sign(this.key);
  }

  /** @returns the user id, or undefined for any invalid, expired or foreign token */
  async verify(token: string): Promise<string | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      // Only a uuid can name a user; anything else (even correctly signed) is an invalid token.
      return payload.typ === 'access' && typeof payload.sub === 'string' && UUID.test(payload.sub)
        ? payload.sub
        : undefined;
    } catch {
      return undefined;
    }
  }
}
