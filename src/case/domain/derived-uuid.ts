import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 4122 version 5 layout over sha1): the same name always gives the same identifier. Used
 * where a package leaves an identifier to us (a hierarchy association it did not state, a criterion it did not
 * have), so re-importing the same package derives the same identifiers instead of new random ones.
 */
export function derivedUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
