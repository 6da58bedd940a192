import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('refuses passwords shorter than 12 characters, counting characters rather than bytes', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12 characters/);
    expect(passwordProblem('ééééééééééé')).toMatch(/at least 12/);
    expect(passwordProblem('éééééééééééé')).toBeNull();
  });

  it('refuses a long password found in the common-password list, whatever its case', () => {
    expect(passwordProblem('qwerty123456')).toMatch(/commonly used/);
    expect(passwordProblem('QWERTY123456')).toMatch(/commonly used/);
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/commonly used/);
  });

  it('refuses the account email or its local part as the password', () => {
    expect(passwordProblem('jordan.rivera.hr@district.example', 'Jordan.Rivera.HR@district.example')).toMatch(/email/);
    expect(passwordProblem('jordan.rivera.hr', 'jordan.rivera.hr@district.example')).toMatch(/email/);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('violet tram hums at dawn')).toBeNull();
  });
});
