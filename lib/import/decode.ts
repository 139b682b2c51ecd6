/**
 * File bytes to text, for the CLI and the options page alike. Brokerage downloads are UTF-8, with
 * or without a byte-order mark; a file saved from Excel as "Unicode Text" is UTF-16 with a BOM.
 * Read as UTF-8, UTF-16 gives text full of NULs that no format recognises.
 */

/** The text of a positions file's bytes: UTF-16 LE or BE when a BOM says so, else UTF-8 (BOM removed, invalid bytes as U+FFFD). */
export function decodeFileBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}
