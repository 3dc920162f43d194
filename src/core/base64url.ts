/**
 * base64url (RFC 4648 section 5) without `=` padding: every character is
 * unreserved in URLs (RFC 3986), so a link needs no escaping. Decoding is
 * strict (one text form per byte string).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Bytes to base64url, without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

/**
 * base64url (no padding) to bytes. Throws on a character outside the
 * alphabet, an impossible length, or non-zero padding bits (so every byte
 * string has exactly one text form).
 */
export function fromBase64Url(s: string): Uint8Array {
  if (s.length % 4 === 1) throw new Error(`"${clip(s)}" has an impossible base64url length`);
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) throw new Error(`"${clip(s)}" has a character that is not base64url: "${s[i]}"`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Canonical form only: the unused low bits of the last character must be 0.
  if ((acc & ((1 << bits) - 1)) !== 0) throw new Error(`"${clip(s)}" is not canonical base64url`);
  return out;
}

/** A long text cut for an error message. */
export function clip(s: string): string {
  return s.length > 24 ? s.slice(0, 24) + '…' : s;
}
