import { createHash } from 'node:crypto';
import { checkRecipient } from './recipient.js';
import { VerificationFailure } from './report.js';

const holder = { emails: ['Ana.Lopez@District.example'], dids: ['did:key:z6MkAna'] };
const hash = (s: string) => `sha256$${createHash('sha256').update(s).digest('hex')}`;
const identity = (identityHash: string, hashed: boolean, salt?: string) => ({
  identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', identityHash, hashed, ...(salt ? { salt } : {}) }],
});

describe('recipient binding', () => {
  it('matches a DID, a mailto id, a plain e-mail in any case, and a salted hash of the address as stored or lower-cased', () => {
    expect(checkRecipient([{ id: 'did:key:z6MkAna' }], holder)).toMatch(/DID/);
    expect(checkRecipient([{ id: 'mailto:ana.lopez@district.example' }], holder)).toMatch(/e-mail/);
    expect(checkRecipient([identity('ANA.LOPEZ@district.example', false)], holder)).toMatch(/e-mail/);
    expect(checkRecipient([identity(hash('ana.lopez@district.examplesalt'), true, 'salt')], holder)).toMatch(/hashed/);
    expect(checkRecipient([identity(hash('Ana.Lopez@District.example'), true)], holder)).toMatch(/hashed/);
  });

  it('refuses anyone else, an unsalted hash of another address, and an MD5 hash', () => {
    const refused = (subject: Record<string, unknown>) => {
      try {
        checkRecipient([subject], holder);
      } catch (e) {
        return (e as VerificationFailure).reason;
      }
      return 'accepted';
    };
    expect(refused({ id: 'did:key:z6MkSomeoneElse' })).toBe('RECIPIENT_MISMATCH');
    expect(refused(identity(hash('bob@district.example'), true))).toBe('RECIPIENT_MISMATCH');
    expect(refused(identity(`md5$${createHash('md5').update('ana.lopez@district.example').digest('hex')}`, true))).toBe(
      'RECIPIENT_MISMATCH',
    );
    expect(refused({})).toBe('RECIPIENT_MISMATCH');
  });
});
