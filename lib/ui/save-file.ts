/**
 * Saves a file for the user from an extension page: an anchor download needs no `downloads`
 * permission call. Content is text, or parts (text and UTF-8 bytes) handed to the Blob as they are.
 */
export function saveFile(content: string | readonly (string | Uint8Array)[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : (content as BlobPart[]), { type }));
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
