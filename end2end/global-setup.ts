// Signs the first Global administrator in on every test server once, and
// keeps the cookies for the specs (playwright.config.ts: storageState). The
// sign-in page itself is exercised by sign-in.spec.ts.
import { request, type FullConfig } from '@playwright/test';
import { ADMIN_PASSWORD, ADMIN_STATE, SERVER_URLS } from './tests/helpers';

export default async function globalSetup(_config: FullConfig): Promise<void> {
  const context = await request.newContext();
  for (const url of SERVER_URLS) {
    const response = await context.post(new URL('/api/auth/sign-in', url).toString(), {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    if (!response.ok()) {
      throw new Error(`signing in on ${url}: ${response.status()} ${await response.text()}`);
    }
  }
  await context.storageState({ path: ADMIN_STATE });
  await context.dispose();
}
