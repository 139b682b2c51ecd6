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
