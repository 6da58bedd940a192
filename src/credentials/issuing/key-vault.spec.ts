import { openSecret, sealSecret } from './key-vault.js';

describe('sealed signing key', () => {
  const secret = 'x'.repeat(40);
  it('opens with the same secret, never shows the key, and differs on every seal', () => {
    const sealed = sealSecret('zrv1secretkey', secret);
    expect(sealed).not.toContain('zrv1secretkey');
    expect(openSecret(sealed, secret)).toBe('zrv1secretkey');
    expect(sealSecret('zrv1secretkey', secret)).not.toBe(sealed);
  });

  it('refuses a wrong secret and a tampered seal', () => {
    const sealed = sealSecret('zrv1secretkey', secret);
    expect(() => openSecret(sealed, 'y'.repeat(40))).toThrow(/CREDENTIAL_KEY_SECRET/);
    const parts = sealed.split('.');
    parts[4] = `${parts[4][0] === 'A' ? 'B' : 'A'}${parts[4].slice(1)}`;
    expect(() => openSecret(parts.join('.'), secret)).toThrow();
  });
});
