import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, postEvents, getJson } from './engine.mjs';
import { launchBrowser, signIn } from './browser.mjs';

let engine;
let browser;
const now = () => new Date().toISOString();
const daysAgo = days => new Date(Date.now() - days * 86_400_000).toISOString();
let sequence = 0;
const event = (customerId, type, occurredAt, extra = {}) => ({ eventId: `bt-${process.pid}-${++sequence}`, customerId, type, occurredAt, ...extra });

function historyOf(customerId, name, homeStoreId) {
  return [
    event(customerId, 'customer.registered', daysAgo(200), { data: { name, kind: 'individual', homeStoreId } }),
    event(customerId, 'purchase', daysAgo(40), { storeId: homeStoreId, data: { orderId: `o-${customerId}-1`, items: [{ sku: 'TEN-NOR-T', category: 'tents', brand: 'Nordic', price: 160, quantity: 1 }], total: 160 } }),
    event(customerId, 'purchase', daysAgo(10), { storeId: homeStoreId, data: { orderId: `o-${customerId}-2`, items: [{ sku: 'STO-PRI-L', category: 'stoves', brand: 'Primo', price: 40, quantity: 1 }], total: 40 } }),
  ];
}

before(async () => {
  engine = await startEngine();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await engine?.stop();
});

test('staff of store S1 see a customer walk in with suggestions, and accepting one is recorded', async () => {
  const { context, page } = await signIn(browser, engine, 'staff-s1');
  await page.goto(engine.url + '/staff?store=S1');
  await page.locator('[data-testid=connection-status].live').waitFor();

  const id = `c-walkin-${process.pid}`;
  const stranger = `c-elsewhere-${process.pid}`;
  await postEvents(engine, [...historyOf(id, 'Grace Hopper', 'S1'), ...historyOf(stranger, 'Alan Turing', 'S2')]);
  await postEvents(engine, [event(stranger, 'store.entered', now(), { storeId: 'S2' }), event(id, 'store.entered', now(), { storeId: 'S1' })]);

  const card = page.locator(`[data-testid=customer-card][data-customer-id="${id}"]`);
  await card.waitFor({ timeout: 10_000 });
  assert.match(await card.textContent(), /Grace Hopper/);
  const suggestion = card.locator('[data-testid=suggestion]').first();
  await suggestion.waitFor({ timeout: 10_000 });
  assert.ok((await suggestion.locator('li').count()) > 0, 'a suggestion shows its reasons');
  assert.doesNotMatch(await suggestion.locator('.kind').textContent(), /[a-z][A-Z]/, 'a suggestion names its kind in words, not as the API spells it');
  const segments = await card.locator('[data-testid=segment]').allTextContents();
  assert.ok(segments.length > 0, 'the card shows the customer\'s segments');
  for (const segment of segments) {
    assert.doesNotMatch(segment, /^[a-z]|[a-z][A-Z]/, `the segment "${segment}" is in words, not as the API spells it`);
  }
  assert.equal(await page.locator(`[data-customer-id="${stranger}"]`).count(), 0, 'a customer entering S2 never shows in S1');

  await suggestion.locator('button.accept').click();
  await card.locator('.outcome.accepted').waitFor();
  let recorded = false;
  for (let attempt = 0; attempt < 50 && !recorded; attempt++) {
    const view = await getJson(engine, `/api/customers/${id}`);
    recorded = view.recent.some(r => r.type === 'suggestion.outcome');
    if (!recorded) await new Promise(r => setTimeout(r, 100));
  }
  assert.ok(recorded, 'the accepted outcome is in the customer history on the server');
  assert.equal(await page.locator(`[data-customer-id="${stranger}"]`).count(), 0, 'still no S2 customer on the S1 board');
  await context.close();
});

test('the staff board shows who left and recovers after the connection drops', async () => {
  const { context, page } = await signIn(browser, engine, 'staff-s1');
  await page.goto(engine.url + '/staff?store=S1');
  await page.locator('[data-testid=connection-status].live').waitFor();
  const leaving = `c-leaving-${process.pid}`;
  await postEvents(engine, [...historyOf(leaving, 'Katherine Johnson', 'S1'), event(leaving, 'store.entered', now(), { storeId: 'S1' })]);
  await page.locator(`[data-customer-id="${leaving}"]`).waitFor();
  await postEvents(engine, [event(leaving, 'store.left', now(), { storeId: 'S1' })]);
  await page.locator(`[data-customer-id="${leaving}"]`).waitFor({ state: 'detached' });

  // Restart the engine on the same port and data: the page must notice, reconnect and resync.
  const { port, folder } = engine;
  await engine.stop({ keepData: true });
  await page.locator('[data-testid=connection-status]:not(.live)').waitFor({ timeout: 15_000 });
  engine = await startEngine({ port, folder });
  await page.locator('[data-testid=connection-status].live').waitFor({ timeout: 30_000 });

  const back = `c-after-restart-${process.pid}`;
  await postEvents(engine, [...historyOf(back, 'Mary Jackson', 'S1'), event(back, 'store.entered', now(), { storeId: 'S1' })]);
  await page.locator(`[data-customer-id="${back}"]`).waitFor({ timeout: 10_000 });
  await context.close();
});

test('staff cannot open another store', async () => {
  const { context, page } = await signIn(browser, engine, 'staff-s2');
  const response = await page.request.get(engine.url + '/api/stores/S1/presence');
  assert.equal(response.status(), 403);
  await context.close();
});
