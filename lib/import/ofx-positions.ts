/**
 * OFX / QFX investment statements (Fidelity, Vanguard, E*TRADE, TD Ameritrade, …): the positions in
 * INVPOSLIST, named through SECLIST, per account (INVSTMTRS). Reads OFX 1.x SGML, whose leaf elements
 * have no closing tags, and OFX 2.x XML alike, with a small tag tokenizer (no library needed).
 * The account's total value in INVBAL's BALLIST ("Total Account Value", "Networth", "AccountValue")
 * is its stated total, when it is clearly positions + available cash.
 */
import type { RawHolding, SkippedRow, StatedTotal } from '../schema/holdings';
import { maskAccountNumber } from '../format/account';
import { ImportError } from './errors';
import { moneyAmount, type ParsedMoney } from '../format/number';
import { BEYOND_ROW_LIMIT } from './columns';
import type { PositionsFormat } from './types';

interface OfxNode {
  tag: string;
  text?: string;
  children: OfxNode[];
}

/**
 * Deeper than any OFX statement (about a dozen levels): a file nested deeper is not one Breadth
 * can read, and refusing it keeps every walk of the tree bounded.
 */
export const MAX_OFX_DEPTH = 64;

const isTagNameChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 46; // 0-9 A-Z a-z .

const decodeEntities = (value: string) => value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * Builds the element tree in one pass over the text. A leaf's value runs to the next tag; an
 * aggregate ends at its closing tag. Linear on any input: a tag's end is looked for only up to the
 * next `<`, and a closing tag finds its element through a count of the open elements of each name
 * instead of searching the stack. Throws ImportError beyond MAX_OFX_DEPTH.
 */
export function parseOfx(text: string): OfxNode {
  const body = text.slice(Math.max(0, text.search(/<OFX>/i)));
  const root: OfxNode = { tag: '#root', children: [] };
  const stack: OfxNode[] = [root];
  const openCount = new Map<string, number>();
  const push = (node: OfxNode) => {
    if (stack.length > MAX_OFX_DEPTH) throw new ImportError(`this OFX file nests deeper than ${MAX_OFX_DEPTH} levels: it is not a statement Breadth can read`);
    stack.push(node);
    openCount.set(node.tag, (openCount.get(node.tag) ?? 0) + 1);
  };
  const pop = () => {
    const node = stack.pop()!;
    openCount.set(node.tag, openCount.get(node.tag)! - 1);
  };
  let at = body.indexOf('<');
  while (at >= 0) {
    const closing = body.charCodeAt(at + 1) === 47; // "/"
    const nameStart = at + (closing ? 2 : 1);
    let nameEnd = nameStart;
    while (nameEnd < body.length && isTagNameChar(body.charCodeAt(nameEnd))) nameEnd++;
    // The tag ends at ">"; a "<" first means it never does (a stray "<"): read on from there.
    let tagEnd = nameEnd;
    while (tagEnd < body.length && body[tagEnd] !== '>' && body[tagEnd] !== '<') tagEnd++;
    if (nameEnd === nameStart || body[tagEnd] !== '>') {
      at = tagEnd < body.length && body[tagEnd] === '<' ? tagEnd : body.indexOf('<', tagEnd);
      continue;
    }
    const next = body.indexOf('<', tagEnd + 1);
    const tag = body.slice(nameStart, nameEnd).toUpperCase();
    at = next;
    if (closing) {
      if (!openCount.get(tag)) continue; // closes nothing open: ignored
      // Closes the aggregate (and any leaf left open inside it).
      while (stack[stack.length - 1]!.tag !== tag) pop();
      pop();
      continue;
    }
    // A leaf (SGML) closes itself when the next tag starts; drop it from the stack first.
    if (stack[stack.length - 1]!.text !== undefined && stack.length > 1) pop();
    const node: OfxNode = { tag, children: [] };
    stack[stack.length - 1]!.children.push(node);
    push(node);
    const value = body.slice(tagEnd + 1, next < 0 ? body.length : next).trim();
    if (value) node.text = decodeEntities(value);
  }
  return root;
}

/** The first element named `tag` below `node`, in document order (iterative: the depth is the file's to choose). */
function find(node: OfxNode, tag: string): OfxNode | undefined {
  const pending: OfxNode[] = [...node.children].reverse();
  while (pending.length) {
    const current = pending.pop()!;
    if (current.tag === tag) return current;
    for (let i = current.children.length - 1; i >= 0; i--) pending.push(current.children[i]!);
  }
  return undefined;
}

/** Every element named `tag` below `node` that is not inside another one, in document order. */
function findAll(node: OfxNode, tag: string): OfxNode[] {
  const out: OfxNode[] = [];
  const pending: OfxNode[] = [...node.children].reverse();
  while (pending.length) {
    const current = pending.pop()!;
    if (current.tag === tag) out.push(current);
    else for (let i = current.children.length - 1; i >= 0; i--) pending.push(current.children[i]!);
  }
  return out;
}

const leaf = (node: OfxNode | undefined, tag: string) => (node ? find(node, tag)?.text : undefined);
/** An OFX amount: what Number reads (OFX writes plain decimals), bounded like every amount. */
const amount = (text: string | undefined): ParsedMoney => (text === undefined ? { kind: 'empty' } : moneyAmount(Number(text.replace(/^\+/, '').replace(/,/g, ''))));
const num = (text: string | undefined) => {
  const parsed = amount(text);
  return parsed.kind === 'value' ? parsed.value : null;
};

const POSITION_TAGS = new Set(['POSSTOCK', 'POSMF', 'POSDEBT', 'POSOPT', 'POSOTHER']);

/** BALLIST names brokers give the account's whole value (Fidelity, E*TRADE, TD Ameritrade). */
const ACCOUNT_VALUE = /^(networth|net worth|total account value|account ?value)$/i;
/** BALLIST names for money-market balances: comparable only when they are the available cash read. */
const MONEY_MARKET = /^(total money markets?|money ?market|savings)$/i;

/**
 * The account's value from INVBAL, when it is Σ positions + available cash: no margin or short
 * balance (which the rows do not show), and money-market balances, if any, equal to the available
 * cash (Fidelity counts its core fund there) rather than held apart.
 */
function statedAccountValue(invbal: OfxNode | undefined, cash: number | null, account: string): StatedTotal | null {
  if (!invbal) return null;
  if ([num(leaf(invbal, 'MARGINBALANCE')), num(leaf(invbal, 'SHORTBALANCE'))].some((v) => v !== null && v !== 0)) return null;
  let total: StatedTotal | null = null;
  for (const bal of findAll(invbal, 'BAL')) {
    const name = leaf(bal, 'NAME')?.trim() ?? '';
    const value = num(leaf(bal, 'VALUE'));
    if (value === null || (leaf(bal, 'BALTYPE') ?? 'DOLLAR').toUpperCase() !== 'DOLLAR') continue;
    if (MONEY_MARKET.test(name) && value !== 0 && value !== (cash ?? 0)) return null;
    if (!total && ACCOUNT_VALUE.test(name)) total = { account, label: name.slice(0, 120), value };
  }
  return total;
}

export const ofxPositions: PositionsFormat = {
  id: 'ofx-positions',
  label: 'OFX statement',
  detect: ({ text }) => /^\s*(OFXHEADER:|<\?xml[^>]*>\s*<\?OFX|<OFX>)/i.test(text.slice(0, 400)) || /<OFX>/i.test(text.slice(0, 2000)),
  read({ text }) {
    const root = parseOfx(text);
    const statements = findAll(root, 'INVSTMTRS');
    if (statements.length === 0) throw new ImportError('this OFX file has no investment statement (INVSTMTRS): it is a bank or card statement, not positions');
    // Securities are described once for the whole file.
    const securities = new Map<string, { ticker?: string; name?: string }>();
    for (const info of findAll(root, 'SECINFO')) {
      const id = leaf(info, 'UNIQUEID');
      if (id) securities.set(id, { ticker: leaf(info, 'TICKER'), name: leaf(info, 'SECNAME') });
    }
    const org = leaf(find(root, 'FI') ?? root, 'ORG');
    const holdings: RawHolding[] = [];
    const skipped: SkippedRow[] = [];
    const statedTotals: StatedTotal[] = [];
    let index = 0;
    for (const statement of statements) {
      const acctId = leaf(find(statement, 'INVACCTFROM'), 'ACCTID');
      const account = `${org ? `${org} ` : ''}${acctId ? maskAccountNumber(acctId) : 'account'}`;
      const list = find(statement, 'INVPOSLIST');
      for (const position of list?.children.filter((c) => POSITION_TAGS.has(c.tag)) ?? []) {
        index++;
        const inv = find(position, 'INVPOS');
        const id = leaf(inv, 'UNIQUEID');
        const security = id ? securities.get(id) : undefined;
        const parsed = amount(leaf(inv, 'MKTVAL'));
        if (parsed.kind !== 'value') {
          const what = parsed.kind === 'out-of-range' ? `market value ${BEYOND_ROW_LIMIT}` : 'no market value';
          skipped.push({ row: index, reason: `position ${index} (${(security?.ticker ?? id ?? 'unknown').slice(0, 64)}): ${what}` });
          continue;
        }
        const marketValue = parsed.value;
        holdings.push({
          // A bond or a fund without a ticker is known by its CUSIP.
          symbol: security?.ticker?.trim() || id,
          description: security?.name,
          quantity: num(leaf(inv, 'UNITS')),
          price: num(leaf(inv, 'UNITPRICE')),
          marketValue,
          account,
          rowKind: 'position',
        });
      }
      const invbal = find(statement, 'INVBAL');
      const cash = num(leaf(invbal, 'AVAILCASH'));
      if (cash !== null && cash !== 0) holdings.push({ symbol: 'Cash', description: 'Available cash', marketValue: cash, account, rowKind: 'cash' });
      const stated = statedAccountValue(invbal, cash, account);
      if (stated) statedTotals.push(stated);
    }
    return { holdings, skipped, statedTotals };
  },
};
