import { AppError } from '../../common/app-error.js';
import { checkCommonFields, checkUrl, isIsoDate } from './fields.js';

const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('fields every evidence kind shares', () => {
  it('accepts only real calendar dates in 1900-2099', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2024-13-01', '24-01-01', '2024-1-1', '1899-12-31', '2100-01-01', '2024-01-01T00:00:00Z'])
      expect(isIsoDate(bad)).toBe(false);
  });

  it('accepts http and https links up to 2000 characters and nothing else', () => {
    expect(checkUrl('https://example.org/portfolio')).toBe('https://example.org/portfolio');
    expect(checkUrl(' http://example.org ')).toBe('http://example.org');
    expect(checkUrl(null)).toBeNull();
    expect(checkUrl('  ')).toBeNull();
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/x', 'file:///etc/passwd', 'example.org', 'data:text/html,hi']) {
      expect(messageOf(() => checkUrl(bad))).toMatch(/http:\/\/ or https:\/\//);
    }
    expect(messageOf(() => checkUrl(`https://example.org/${'a'.repeat(2000)}`))).toMatch(/at most 2000/);
  });

  it('needs a title and refuses an end before the start', () => {
    expect(messageOf(() => checkCommonFields({ title: '  ' }))).toMatch(/needs a title/);
    expect(messageOf(() => checkCommonFields({ title: 'x'.repeat(201) }))).toMatch(/title must be at most 200/);
    expect(messageOf(() => checkCommonFields({ title: 'Pilot', startedOn: '2024-09-01', endedOn: '2024-08-31' }))).toMatch(
      /endedOn \(2024-08-31\) must not be before startedOn/,
    );
    expect(checkCommonFields({ title: ' Pilot ', startedOn: '2024-09-01', endedOn: '2024-09-01' })).toEqual({
      title: 'Pilot',
      description: '',
      url: null,
      startedOn: '2024-09-01',
      endedOn: '2024-09-01',
    });
  });
});
