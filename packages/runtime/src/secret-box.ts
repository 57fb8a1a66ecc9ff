import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * AES-256-GCM encryption of provider API keys. The owner's id is bound in as associated
 * data, so a ciphertext copied to another user's row does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  /** @param hexKey - 32 bytes as 64 hex characters (ENCRYPTION_KEY) */
  constructor(hexKey: string) {
    this.key = Buffer.from(hexKey, 'hex');
    if (this.key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes');
  }

  /** @returns `v1:<base64(iv | tag | ciphertext)>` */
  encrypt(plaintext: string, ownerId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(ownerId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** @throws when the ciphertext was tampered with, belongs to another owner or another key */
  decrypt(sealed: string, ownerId: string): string {
    const [version, b64] = sealed.split(':');
    if (version !== VERSION || !b64) throw new Error('unknown ciphertext format');
    const raw = Buffer.from(b64, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(ownerId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
