/**
 * `npm run bench`: prints each speed figure beside its budget. A benchmark, not a test: it never
 * fails the build, it tells you where you stand. Needs a build (`npm run build`) and Chromium.
 */
import { benchEngine, benchReferenceBuild } from './engine';
import { benchImport } from './import';
import { benchExtension } from './extension';
import { benchPageLoad } from './page-load';
import { benchGenericScan } from './scan';
import { benchReport } from './report';
import { benchOnlineScreen, benchUniverseScreen } from './online';
import { printResults, type BenchResult } from './stats';

const results: BenchResult[] = [...benchEngine(), ...benchReferenceBuild(), ...benchImport()];
for (const r of await benchGenericScan()) results.push({ name: r.name, value: r.medianMs, unit: 'ms', budget: r.budgetMs });
results.push(...(await benchExtension()));
results.push(...(await benchPageLoad()));
results.push(...(await benchReport()));
results.push(...(await benchOnlineScreen()));
results.push(...(await benchUniverseScreen()));
printResults(results);
