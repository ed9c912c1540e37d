import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, postEvents } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';

let engine;
let browser;
let sequence = 0;

before(async () => {
  engine = await startEngine();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await engine?.stop();
});

test('a manager sees the overview update live as customers arrive', async () => {
  const { context, page } = await signIn(browser, engine, 'manager');
  assert.match(page.url(), /\/overview/);
  await page.locator('[data-testid=connection-status].live').waitFor();
  const present = page.locator('[data-testid=customers-in-stores]');
  await present.waitFor();
  const before = Number((await present.textContent()).replace(/\D/g, '') || '0');

  const at = new Date().toISOString();
  const events = [];
  for (let i = 0; i < 5; i++) {
    const id = `c-overview-${process.pid}-${i}`;
    events.push({ eventId: `ov-${process.pid}-${++sequence}`, customerId: id, type: 'customer.registered', occurredAt: at, data: { name: `Visitor ${i}`, kind: 'individual', homeStoreId: 'S1' } });
    events.push({ eventId: `ov-${process.pid}-${++sequence}`, customerId: id, type: 'store.entered', occurredAt: at, storeId: 'S1' });
  }
  await postEvents(engine, events);

  await page.waitForFunction(
    ([selector, expected]) => Number((document.querySelector(selector)?.textContent ?? '').replace(/\D/g, '') || '0') >= expected,
    ['[data-testid=customers-in-stores]', before + 5], { timeout: 15_000 });
  await context.close();
});

test('staff are sent away from the overview', async () => {
  const { context, page } = await signIn(browser, engine, 'staff-s1');
  const response = await page.request.get(engine.url + '/api/overview');
  assert.equal(response.status(), 403);
  await context.close();
});
