// Regenerates docs/screenshots/*.png from a real engine running the demo simulator:
//   dotnet build CustomerEngine.sln -c Release && (cd tests/browser && npm ci && node screenshots.mjs)
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const engine = await startEngine({ extraArgs: ['--demo', '--Demo:Customers=1500', '--Demo:EventsPerSecond=60'] });
const browser = await launchBrowser();
try {
  // Let the history land and a few visits start.
  await new Promise(r => setTimeout(r, 25_000));
  const staff = await signIn(browser, engine, 'staff-s1');
  await staff.page.goto(engine.url + '/staff?store=S1');
  await staff.page.locator('[data-testid=suggestion]').first().waitFor({ timeout: 30_000 });
  await new Promise(r => setTimeout(r, 2_000));
  await staff.page.screenshot({ path: join(out, 'staff-dashboard.png') });
  await staff.page.locator('[data-testid=customer-card] button.name').first().click();
  await staff.page.locator('[data-testid=drawer]').waitFor();
  await staff.page.screenshot({ path: join(out, 'customer-drawer.png') });

  const manager = await signIn(browser, engine, 'manager');
  await manager.page.goto(engine.url + '/overview');
  await new Promise(r => setTimeout(r, 6_000));
  await manager.page.screenshot({ path: join(out, 'overview.png'), fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await engine.stop();
}
