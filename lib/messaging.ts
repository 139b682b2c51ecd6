/**
 * Typed messages between the extension's parts. Names carry their direction (`cs-bg:` = content
 * script → background). Every payload is parsed with its schema on *receipt*: a page can forge
 * anything a content script sends.
 */
import * as z from 'zod/mini';
import { ScanResultSchema } from './schema/holdings';
import { PageAuditSchema } from './schema/page';

export const MESSAGES = {
  /** Content script read a page: store it, re-audit, answer with badges for that page. */
  'cs-bg:page-read': { request: ScanResultSchema, response: PageAuditSchema },
  /** The options page or popup imported a positions file (already parsed into a ScanResult). */
  'ui-bg:file-imported': { request: ScanResultSchema, response: z.object({ accounts: z.number() }) },
  /** Popup or options page changed settings / deleted data: recompute audits and the toolbar badge. */
  'ui-bg:recompute': { request: z.object({}), response: z.object({ ok: z.boolean() }) },
  /** The options page turned the weekly iShares fetch on or off: (re)schedule it, and run it now if due. */
  'ui-bg:reference-schedule': { request: z.object({}), response: z.object({ ok: z.boolean() }) },
  /** The popup asks whether a screen really runs, before it shows the stored progress (a stopped worker's may linger). */
  'ui-bg:signals-status': { request: z.object({}), response: z.object({ running: z.boolean() }) },
} as const;

export type MessageType = keyof typeof MESSAGES;
export type MessageRequest<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['request']>;
export type MessageResponse<T extends MessageType> = z.infer<(typeof MESSAGES)[T]['response']>;

/** The envelope on the wire. */
export const EnvelopeSchema = z.object({ type: z.enum(Object.keys(MESSAGES) as [MessageType, ...MessageType[]]), payload: z.unknown() });

/** Minimal surface of `browser.runtime` used here, so tests can pass fakeBrowser or a stub. */
interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a message and parses the answer with the message's response schema. */
export async function sendMessage<T extends MessageType>(
  runtime: RuntimeLike,
  type: T,
  payload: MessageRequest<T>,
): Promise<MessageResponse<T>> {
  const answer = await runtime.sendMessage({ type, payload });
  const parsed = MESSAGES[type].response.safeParse(answer);
  if (!parsed.success) throw new Error(`Breadth: unexpected answer to ${type}`);
  return parsed.data as MessageResponse<T>;
}

/** What the background needs of `runtime.onMessage`'s sender (a subset of `Runtime.MessageSender`). */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { url?: string };
}

/** Who the background is: its extension id and the origin of its own pages (`chrome-extension://<id>/`). */
export interface OwnExtension {
  id: string;
  pagesOrigin: string;
}

export interface AcceptedMessage {
  type: MessageType;
  payload: unknown;
}

/** Origin + path of a URL: never the query string or fragment, which may carry identifiers. */
function originAndPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    // Not `u.origin`: it is "null" for non-web schemes such as chrome-extension: (the demo page).
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return undefined;
  }
}

/**
 * Decides whether the background acts on a message, and with what. Only our own content scripts and
 * pages are heard (`sender.id`); `ui-bg:` messages only from our own pages, since a content script
 * lives inside a page Breadth does not control. Where a read came from is the browser's word (the
 * sender's frame or tab), never the message's: a page could otherwise claim to be another site,
 * e.g. one the user switched off. Returns null for anything not ours.
 */
export function acceptMessage(message: unknown, sender: MessageSenderLike, own: OwnExtension): AcceptedMessage | null {
  if (!sender.id || sender.id !== own.id) return null;
  const envelope = EnvelopeSchema.safeParse(message);
  if (!envelope.success) return null;
  const { type, payload } = envelope.data;
  const fromOwnPage = !!sender.url && sender.url.startsWith(own.pagesOrigin);
  if (type.startsWith('ui-bg:') && !fromOwnPage) return null;
  if (type !== 'cs-bg:page-read' && type !== 'ui-bg:file-imported') return { type, payload };
  // A payload that does not parse goes on as it is: the handler answers "nothing was stored".
  const scan = ScanResultSchema.safeParse(payload);
  if (!scan.success) return { type, payload };
  const { url: _claimed, ...source } = scan.data.source;
  // A page read is from the sender's frame (or its tab); an imported file has no page at all.
  const url = type === 'cs-bg:page-read' ? originAndPath(sender.url ?? sender.tab?.url) : undefined;
  return { type, payload: { ...scan.data, source: url ? { ...source, url } : source } };
}
