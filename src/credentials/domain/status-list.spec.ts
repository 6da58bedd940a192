import { gzipSync } from 'node:zlib';
import { bitAt, decodeStatusList, encodeStatusList, MIN_STATUS_LIST_BITS, statusListWith } from './status-list.js';

describe('status lists', () => {
  it('round-trips set bits, most significant bit first, with and without the multibase prefix', () => {
    const list = statusListWith([0, 7, 8, 131071]);
    expect(list.length).toBe(MIN_STATUS_LIST_BITS / 8);
    expect(list[0]).toBe(0b1000_0001);
    expect(list[1]).toBe(0b1000_0000);
    for (const multibase of [true, false]) {
      const decoded = decodeStatusList(encodeStatusList(list, multibase));
      expect([0, 1, 6, 7, 8, 9, 131070, 131071].map((i) => bitAt(decoded, i))).toEqual([
        true,
        false,
        false,
        true,
        true,
        false,
        false,
        true,
      ]);
    }
    expect(encodeStatusList(list, true).startsWith('u')).toBe(true);
  });

  it('refuses an index outside the list and a list that expands past the limit', () => {
    const decoded = decodeStatusList(encodeStatusList(statusListWith([]), true));
    expect(() => bitAt(decoded, MIN_STATUS_LIST_BITS)).toThrow(/outside/);
    expect(() => bitAt(decoded, -1)).toThrow(/outside/);
    const bomb = `u${gzipSync(Buffer.alloc(32 * 1024 * 1024)).toString('base64url')}`;
    expect(() => decodeStatusList(bomb)).toThrow();
    expect(() => decodeStatusList('not base64!')).toThrow(/base64url/);
  });
});
