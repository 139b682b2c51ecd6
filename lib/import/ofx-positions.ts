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
import type { PositionsFormat } from './types';

interface OfxNode {
  tag: string;
  text?: string;
  children: OfxNode[];
}

/** Builds the element tree. A leaf's value runs to the next tag; an aggregate ends at its closing tag. */
export function parseOfx(text: string): OfxNode {
  const body = text.slice(Math.max(0, text.search(/<OFX>/i)));
  const root: OfxNode = { tag: '#root', children: [] };
  const stack: OfxNode[] = [root];
  const re = /<(\/?)([A-Za-z0-9.]+)[^>]*>([^<]*)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const [, closing, rawTag, rawText] = m;
    const tag = rawTag!.toUpperCase();
    const value = rawText!.trim();
    if (closing) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at; // closes the aggregate (and any leaf left open inside it)
      continue;
    }
    // A leaf (SGML) closes itself when the next tag starts; drop it from the stack first.
    const top = stack[stack.length - 1]!;
    if (top.text !== undefined && stack.length > 1) stack.pop();
    const node: OfxNode = { tag, children: [] };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
    if (value) node.text = value.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  }
  return root;
}

function find(node: OfxNode, tag: string): OfxNode | undefined {
  for (const child of node.children) {
    if (child.tag === tag) return child;
    const deeper = find(child, tag);
    if (deeper) return deeper;
  }
  return undefined;
}

function findAll(node: OfxNode, tag: string, out: OfxNode[] = []): OfxNode[] {
  for (const child of node.children) {
    if (child.tag === tag) out.push(child);
    else findAll(child, tag, out);
  }
  return out;
}

const leaf = (node: OfxNode | undefined, tag: string) => (node ? find(node, tag)?.text : undefined);
const num = (text: string | undefined) => {
  if (text === undefined) return null;
  const value = Number(text.replace(/^\+/, '').replace(/,/g, ''));
  return Number.isFinite(value) ? value : null;
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
        const marketValue = num(leaf(inv, 'MKTVAL'));
        if (marketValue === null) {
          skipped.push({ row: index, reason: `position ${index} (${security?.ticker ?? id ?? 'unknown'}): no market value` });
          continue;
        }
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
