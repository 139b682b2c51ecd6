#!/usr/bin/env node
/** Renders scripts/icon.svg to the PNG sizes browsers ask for (public/icon/<size>.png), in Chromium. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'scripts/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: join(root, `public/icon/${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('wrote public/icon/{16,32,48,128}.png');
