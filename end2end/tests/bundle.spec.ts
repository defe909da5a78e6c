// What the browser downloads: the first page only the main bundle, a page
// loaded lazily (app/src/lazy_pages.rs) its own chunk when first opened, and
// a repeat visit nothing from /pkg: the files' names carry their content's
// hash and are cached for good. Reads no demo data and changes none.
import { expect, test, type Page } from '@playwright/test';
import { waitForHydration } from './helpers';

/** The names of the /pkg files the page fetches from the server (not from its cache). */
async function pkgDownloads(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const fromCache = new Set<string>();
  const downloaded: string[] = [];
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    const { pathname } = new URL(e.response.url);
    const cached = fromCache.has(e.requestId) || e.response.fromDiskCache || e.response.fromPrefetchCache;
    if (pathname.startsWith('/pkg/') && !cached) {
      downloaded.push(pathname.slice('/pkg/'.length));
    }
  });
  return downloaded;
}

const VOICE_USERS_CHUNK = /^split___voice_users_route_view_/;

test('the Dashboard hydrates without any page chunk, Voice users loads its own when opened', async ({ page }) => {
  const downloaded = await pkgDownloads(page);

  await page.goto('/');
  await waitForHydration(page);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(downloaded.filter((f) => f.endsWith('.wasm'))).toEqual([
    expect.stringMatching(/^switchboard\.[A-Za-z0-9_-]{22}\.wasm$/),
  ]);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Voice users', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
  expect(downloaded.some((f) => VOICE_USERS_CHUNK.test(f)), downloaded.join('\n')).toBe(true);
});

test('a page opened first arrives with its chunk, and a repeat visit downloads nothing from /pkg', async ({ page }) => {
  const downloaded = await pkgDownloads(page);
  await page.goto('/voice/users');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
  const firstVisit = downloaded.splice(0);
  expect(firstVisit.some((f) => /^switchboard\..*\.wasm$/.test(f)), firstVisit.join('\n')).toBe(true);
  expect(firstVisit.some((f) => VOICE_USERS_CHUNK.test(f)), firstVisit.join('\n')).toBe(true);

  await page.goto('/voice/users');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
  expect(downloaded, 'all from the cache').toEqual([]);
});
