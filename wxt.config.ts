import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { BROKERAGE_MATCHES } from './lib/adapters/hosts';
import { ISHARES_ORIGIN } from './lib/reference/ishares-fetch';
import { PROVIDER_ORIGINS } from './lib/providers/registry';

/**
 * A test-only build (`BREADTH_E2E_GRANTED=1`, its own folder): the online data providers' hosts are
 * granted up front, so an end-to-end test can turn them on without the browser's permission prompt,
 * which no test can answer. The shipped build (.output/) never has them; a test checks its manifest.
 */
const grantedForTests = process.env.BREADTH_E2E_GRANTED === '1';

// https://wxt.dev/api/config.html
export default defineConfig({
  outDir: grantedForTests ? '.output-e2e-granted' : '.output',
  // Every dependency is imported explicitly: nothing appears by magic.
  imports: false,
  // Dev mode would try to open a browser; this machine has none on a display.
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Breadth — mega-cap exposure audit',
    // Store limits (test/e2e/manifest.e2e.test.ts): description ≤ 132 characters.
    description:
      'Shows how much of the portfolio on your brokerage page rides on the S&P 500’s ten largest companies. No account linking, no server.',
    // activeTab + scripting: the "Scan this page" button on sites Breadth does not know.
    // alarms: the opt-in weekly refresh of the index data. No `downloads`: every page saves its
    // files with an anchor download (lib/ui/save-file.ts).
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    host_permissions: [...BROKERAGE_MATCHES, ...(grantedForTests ? PROVIDER_ORIGINS : [])],
    // Asked only when the user turns on the weekly index-data fetch (options page). MV2 (Firefox)
    // has no optional_host_permissions: there the host goes in optional_permissions.
    // The online data providers' hosts are optional too, asked one provider at a time.
    ...(browser === 'firefox'
      ? { optional_permissions: [ISHARES_ORIGIN, ...PROVIDER_ORIGINS] }
      : { optional_host_permissions: [ISHARES_ORIGIN, ...PROVIDER_ORIGINS] }),
    action: { default_title: 'Breadth' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (an ESR) and Android 142 are the first to read data_collection_permissions.
            gecko: {
              id: 'breadth@breadth.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
