// Debian's Chromium, headless, driven by playwright-core. No browser is downloaded: ./test.sh
// installs the chromium package when it is missing.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: install it with 'apt-get install -y chromium' (./test.sh does this).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signIn(browser, engine, userName, password = 'demo') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(engine.url + '/signin');
  await page.fill('#userName', userName);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(url => !url.pathname.startsWith('/signin')), page.click('button[type=submit]')]);
  return { context, page };
}
