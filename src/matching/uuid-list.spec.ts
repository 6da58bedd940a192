import { UuidList } from './uuid-list.js';

describe('UuidList', () => {
  const ids = ['0b6f1a52-3c1e-4d2b-9a7f-1e2d3c4b5a69', 'ffffffff-ffff-4fff-bfff-ffffffffffff', '00000000-0000-4000-8000-000000000001'];

  it('gives back the ids it was given, by position, by slice and in order', () => {
    const list = UuidList.of(ids);
    expect(list.length).toBe(3);
    expect(list.get(1)).toBe(ids[1]);
    expect(list.slice(1, 10)).toEqual(ids.slice(1));
    expect(list.slice(0, 0)).toEqual([]);
    expect([...list]).toEqual(ids);
  });

  it('reads upper-case ids back in lower case and refuses what is not a UUID', () => {
    const list = new UuidList(1);
    list.set(0, ids[0].toUpperCase());
    expect(list.get(0)).toBe(ids[0]);
    expect(() => list.set(0, 'not-a-uuid')).toThrow('Not a UUID');
  });
});
