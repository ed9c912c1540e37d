// Regenerates docs/screenshots/*.png from a real engine running the demo simulator:
//   dotnet build CustomerEngine.sln -c Release && (cd tests/browser && npm ci && node screenshots.mjs)
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine, adminKey } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const engine = await startEngine({ extraArgs: ['--demo', '--Demo:Customers=1500', '--Demo:EventsPerSecond=60'] });
const browser = await launchBrowser();
try {
  // A standing campaign with a holdout, active from the start, so its results have time to build up.
  const post = async (path, body) => (await fetch(engine.url + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': adminKey }, body: body ? JSON.stringify(body) : undefined,
  })).json();
  const campaign = await post('/api/campaigns', {
    name: 'Campers: sleeping mats', offer: { title: '15% off sleeping mats', reason: 'Completes the camping kit', value: 40, actionId: null },
    audience: { all: [{ field: 'lifecycle.stage', in: ['new', 'active', 'wonBack'] }, { not: { field: 'segments.priceSensitivity', in: ['priceDriven'] } }] },
    trigger: { whileInAudience: true }, schedule: null, caps: { perCustomer: 1, perCustomerWindowDays: 30, totalPresentations: 10000 }, holdoutPercent: 20, lever: 3,
  });
  await post(`/api/campaigns/${campaign.id}/activate`);
  await post('/api/campaigns', {
    name: 'At-risk campers: stove service', offer: { title: 'Free stove service', reason: 'Bought a stove and has not been back', value: 20 },
    audience: { field: 'lifecycle.stage', in: ['atRisk'] }, trigger: { eventType: 'store.entered' }, holdoutPercent: 10, lever: 1,
  });

  // Let the history land and a few visits start.
  await new Promise(r => setTimeout(r, 25_000));
  const staff = await signIn(browser, engine, 'staff-s1');
  await staff.page.goto(engine.url + '/staff?store=S1');
  await staff.page.locator('[data-testid=suggestion]').first().waitFor({ timeout: 30_000 });
  await new Promise(r => setTimeout(r, 2_000));
  await staff.page.screenshot({ path: join(out, 'staff-dashboard.png') });
  await staff.page.locator('[data-testid=customer-card] button.name').first().click();
  await staff.page.locator('[data-testid=drawer]').waitFor();
  // The drawer slides and fades in; a shot taken during that shows the board through it.
  await staff.page.locator('[data-testid=drawer]').evaluate(drawer => Promise.all(drawer.getAnimations().map(a => a.finished)));
  await staff.page.screenshot({ path: join(out, 'customer-drawer.png') });

  const manager = await signIn(browser, engine, 'manager');
  await manager.page.goto(engine.url + '/overview');
  await new Promise(r => setTimeout(r, 6_000));
  await manager.page.screenshot({ path: join(out, 'overview.png'), fullPage: true });

  const marketing = await signIn(browser, engine, 'marketing');
  await marketing.page.goto(`${engine.url}/marketing?campaign=${campaign.id}`);
  await new Promise(r => setTimeout(r, 4_000));
  await marketing.page.screenshot({ path: join(out, 'marketing-results.png'), fullPage: true });
  await marketing.page.click('[data-testid=edit]');
  await marketing.page.locator('[data-testid=audience-estimate][data-estimate]').waitFor();
  await marketing.page.screenshot({ path: join(out, 'marketing-editor.png'), fullPage: true });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await engine.stop();
}
