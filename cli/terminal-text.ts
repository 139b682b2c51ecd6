/**
 * Text from a file, made safe for a terminal. A positions file is untrusted: a symbol or a cell
 * printed as is could carry ANSI escape sequences that recolour, move the cursor, retitle the
 * window or hide lines of the audit.
 */

/** ANSI escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC ] … ESC \`), and two-character escapes. */
const ANSI_SEQUENCE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]/g;
/** C0 controls except tab and newline, DEL, and C1 controls (U+0080–U+009F: CSI is U+009B). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** The text without escape sequences or control characters; tabs and newlines kept. */
export function stripControlCharacters(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but writes DEL and C1 controls raw;
 * escaped as `\u009b` they are the same JSON value, and inert on screen.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
