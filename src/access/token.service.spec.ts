import { jest } from '@jest/globals';
import type { AppConfig } from '../config/app-config.js';
import { TokenService } from './token.service.js';

const config = { jwtSecret: 'a-test-secret-of-at-least-32-characters!', jwtTtlSeconds: 60 } as AppConfig;

describe('TokenService verifying local tokens (kept once verified)', () => {
  it('answers the same account and token version for the same token again', async () => {
    const tokens = new TokenService(config);
    const { token } = await tokens.issue('8a6e0f0e-0000-4000-8000-000000000001', 3);
    const want = { source: 'local', accountId: '8a6e0f0e-0000-4000-8000-000000000001', tokenVersion: 3 };
    expect(await tokens.verify(token)).toEqual(want);
    expect(await tokens.verify(token)).toEqual(want);
  });

  it('still refuses a token whose signature or claims were altered, after the genuine one was verified', async () => {
    const tokens = new TokenService(config);
    const { token } = await tokens.issue('8a6e0f0e-0000-4000-8000-000000000002');
    await tokens.verify(token);
    const [head, body, signature] = token.split('.');
    const flipped = `${head}.${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    await expect(tokens.verify(flipped)).rejects.toThrow();
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, sub: '8a6e0f0e-0000-4000-8000-000000000099' })).toString('base64url')}.${signature}`;
    await expect(tokens.verify(forged)).rejects.toThrow();
    // A token signed with another secret is refused too.
    const other = await new TokenService({ ...config, jwtSecret: 'another-secret-of-at-least-32-characters' }).issue('x');
    await expect(tokens.verify(other.token)).rejects.toThrow();
  });

  it('refuses a verified token once it has expired', async () => {
    const tokens = new TokenService(config);
    const { token, expiresAt } = await tokens.issue('8a6e0f0e-0000-4000-8000-000000000003');
    await tokens.verify(token);
    // Both clocks moved past the expiry (Date.now for the kept token, new Date() for jose's own check).
    jest.useFakeTimers({ now: expiresAt.getTime() + 1000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      await expect(tokens.verify(token)).rejects.toThrow();
      await expect(tokens.verify(token)).rejects.toThrow();
    } finally {
      jest.useRealTimers();
    }
  });
});
