import { gunzipSync, gzipSync } from 'node:zlib';

/** Smallest list the Bitstring Status List specification allows (16 KB), so one entry does not reveal who it is. */
export const MIN_STATUS_LIST_BITS = 131072;
/** A decoded list larger than this is refused (a gzip bomb would otherwise be expanded in memory). */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/**
 * Decodes an `encodedList`: GZIP-compressed bits, base64url, with a multibase `u` prefix in Bitstring Status List
 * and without one in StatusList2021. Bit 0 is the most significant bit of the first byte.
 */
export function decodeStatusList(encoded: string): Uint8Array {
  if (typeof encoded !== 'string' || !/^u?[A-Za-z0-9_-]+$/.test(encoded)) throw new Error('encodedList is not base64url');
  const raw = Buffer.from(encoded.startsWith('u') ? encoded.slice(1) : encoded, 'base64url');
  return gunzipSync(raw, { maxOutputLength: MAX_STATUS_LIST_BYTES });
}

export function bitAt(list: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= list.length * 8) throw new Error(`statusListIndex ${index} is outside the list`);
  return (list[index >> 3] & (0x80 >> (index & 7))) !== 0;
}

export function encodeStatusList(bits: Uint8Array, multibase: boolean): string {
  const encoded = gzipSync(bits).toString('base64url');
  return multibase ? `u${encoded}` : encoded;
}

/** A list of `size` bits with the given indexes set. */
export function statusListWith(setIndexes: Iterable<number>, size = MIN_STATUS_LIST_BITS): Uint8Array {
  const bits = new Uint8Array(size / 8);
  for (const i of setIndexes) {
    if (i < 0 || i >= size) throw new Error(`index ${i} is outside the list`);
    bits[i >> 3] |= 0x80 >> (i & 7);
  }
  return bits;
}
