import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Seals the district's signing key with a key derived from CREDENTIAL_KEY_SECRET (AES-256-GCM, scrypt-derived key,
 * random salt and nonce per seal). The database alone never reveals the key; a wrong secret fails loudly.
 */
export function sealSecret(plaintext: string, secret: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret, salt, 32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', salt, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openSecret(sealed: string, secret: string): string {
  const [version, salt, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !body) throw new Error('The sealed key has an unknown format');
  const key = scryptSync(secret, Buffer.from(salt, 'base64url'), 32);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The district signing key cannot be opened with this CREDENTIAL_KEY_SECRET');
  }
}
