// Playwright runs the specs against the already-built debug server
// (scripts/test.sh builds it with `cargo leptos build --split`), three times over:
//   - port 3100, seeded with the Contoso demo data: every spec but one;
//   - 127.0.0.2:3101, Contoso's users without any phone number: empty-inventory;
//   - 127.0.0.3:3102, Contoso without a licence that opens Voice: voice-gate;
//   - 127.0.0.4:3103, the 100,000-user organisation: large-directory;
//   - 127.0.0.5:3104 and 127.0.0.6:3105, two servers of one organisation on
//     one PostgreSQL database: two-servers (only with SWITCHBOARD_E2E_PG,
//     which scripts/test.sh sets).
// Each server gets a fresh temporary data directory, removed when it stops,
// a known first-administrator password and the demo sign-in accounts.
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import {
  ADMIN_PASSWORD,
  ADMIN_STATE,
  DEMO_PASSWORD,
  DEMO_URL,
  EMPTY_INVENTORY_URL,
  FIRST_SERVER_URL,
  LARGE_URL,
  NO_VOICE_URL,
  PROVISIONING_URL,
  SECOND_SERVER_URL,
  SHARED_DATABASE_URL,
} from './tests/helpers';

const workspace = path.resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR
  ? path.resolve(workspace, process.env.CARGO_TARGET_DIR)
  : path.join(workspace, 'target');

/** The server binary; cargo-leptos puts it in the Cargo target directory. */
const serverBin = path.resolve(
  workspace,
  process.env.SWITCHBOARD_BIN ?? path.join(targetDir, 'debug', 'switchboard'),
);
/** The compiled WASM/JS/CSS; cargo-leptos writes it to `site-root`, under the workspace. */
const siteRoot = path.resolve(
  workspace,
  process.env.LEPTOS_SITE_ROOT ?? path.join('target', 'site'),
);
/** Debian's Chromium: Playwright's own browser builds can't be downloaded here. */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A shell command that starts the server on `url` with `demo` data in a
 * fresh data directory, and removes that directory when the server stops.
 * The database is the data directory's own file, or `database` when given
 * (DATABASE_URL overrides --data-dir's file, so it is unset otherwise).
 */
function serverCommand(url: string, demo: string, database?: string): string {
  const listen = new URL(url).host;
  const store = database ? `export DATABASE_URL='${database}'; ` : 'unset DATABASE_URL; ';
  return (
    store +
    'data_dir=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-e2e.XXXXXX") || exit 1; ' +
    `trap 'rm -rf "$data_dir"' EXIT; trap 'exit 143' TERM INT; ` +
    `"$SWITCHBOARD_BIN" --listen ${listen} --data-dir "$data_dir" --demo ${demo} & wait $!`
  );
}

function server(url: string, demo: string, database?: string, settings: Record<string, string> = {}) {
  return {
    command: serverCommand(url, demo, database),
    url,
    env: {
      SWITCHBOARD_BIN: serverBin,
      LEPTOS_SITE_ROOT: siteRoot,
      SWITCHBOARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SWITCHBOARD_DEMO_PASSWORD: DEMO_PASSWORD,
      ...settings,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
  };
}

/** Both start at once on the empty database: one migrates and seeds, the other waits its turn. */
const sharedDatabaseServers = SHARED_DATABASE_URL
  ? [FIRST_SERVER_URL, SECOND_SERVER_URL].map((url) => server(url, 'contoso', SHARED_DATABASE_URL))
  : [];

export default defineConfig({
  testDir: './tests',
  // Every spec starts signed in as the first Global administrator; the
  // sign-in and role specs open contexts of their own.
  globalSetup: './global-setup.ts',
  // The specs share one server each and change its data: one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries: a spec that fails once in a while is a failure to fix, not
  // a pass. (Should anyone pass --retries, a test that passes only on a retry
  // still fails the run; scripts/test.sh counts it as flaky.)
  retries: 0,
  failOnFlakyTests: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: DEMO_URL,
    storageState: ADMIN_STATE,
    // Without retries, keep the trace of the failing run itself; in CI only,
    // where a failure can't be run again by hand (recording costs about 10%
    // of the suite's time). Locally: npx playwright test --trace on.
    trace: process.env.CI ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromium,
          // Without the background-networking flags Chromium's own requests
          // to the outside are refused on a closed network and slow it down.
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    server(DEMO_URL, 'contoso'),
    server(EMPTY_INVENTORY_URL, 'contoso-without-numbers'),
    server(NO_VOICE_URL, 'contoso-without-voice'),
    server(LARGE_URL, 'contoso-100k'),
    server(PROVISIONING_URL, 'contoso', undefined, {
      SWITCHBOARD_PHONE_SYSTEM: 'simulated',
      SWITCHBOARD_SIMULATED_DELAY_MS: '3000',
    }),
    ...sharedDatabaseServers,
  ],
});
