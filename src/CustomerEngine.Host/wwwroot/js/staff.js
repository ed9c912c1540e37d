import { getJson, postJson, connectHub, el, toast, labels, when, humanize, daysAgo } from './engine-api.js';

const present = new Map();        // customerId -> { summary, suggestions, outcomes }
const customersNode = document.getElementById('customers');
const storeSelect = document.getElementById('store');
let joinedStore = null;
let connection = null;
let connected;
const hubReady = new Promise(resolve => { connected = resolve; });

// Before the first await: a search submitted while the page is still loading opens the drawer
// once the hub is there, instead of reloading the page with the id in its address.
document.getElementById('search').addEventListener('submit', async event => {
  event.preventDefault();
  const id = document.getElementById('search-id').value.trim();
  if (id) { await hubReady; await openDrawer(id); }
});

const me = await getJson('/api/me');
document.getElementById('user').textContent = me.name;
const stores = me.stores.length > 0 ? me.stores : ['S1', 'S2', 'S3'];
for (const store of stores) storeSelect.append(el('option', { value: store }, store));
const wanted = new URLSearchParams(location.search).get('store');
if (wanted && (me.stores.length === 0 || me.stores.includes(wanted))) {
  if (!stores.includes(wanted)) storeSelect.append(el('option', { value: wanted }, wanted));
  storeSelect.value = wanted;
}
if (me.roles.some(r => r === 'manager' || r === 'admin' || r === 'marketing')) {
  document.getElementById('nav').append(el('a', { href: '/overview' }, 'Overview'));
}

connection = connectHub(document.getElementById('status'), joinAndResync);
connected();
connection.on('CustomerArrived', summary => { upsert(summary); loadSuggestions(summary.customerId); });
connection.on('CustomerLeft', customerId => { present.delete(customerId); render(); });
connection.on('CustomerUpdated', summary => { if (present.has(summary.customerId)) upsert(summary); });
connection.on('SuggestionsUpdated', (customerId, suggestions) => {
  const entry = present.get(customerId);
  if (entry) { entry.suggestions = suggestions; renderCard(customerId); }
  if (openDrawerId === customerId) drawerSuggestions = suggestions;
});

storeSelect.addEventListener('change', async () => {
  if (joinedStore) await connection.invoke('LeaveStore', joinedStore).catch(() => {});
  history.replaceState(null, '', '?store=' + encodeURIComponent(storeSelect.value));
  await joinAndResync(connection);
});

// After (re)connecting the page may have missed arrivals and departures: it empties its list and
// re-joins. JoinStore sends a CustomerArrived for everyone in the store before it returns, on the
// same connection and in order with the store's live pushes, so the list is rebuilt from those; a
// separate read of the store's presence could be overtaken by a push and then wipe it.
async function joinAndResync(hub) {
  joinedStore = storeSelect.value;
  present.clear();
  render();
  await hub.invoke('JoinStore', joinedStore);
}

async function loadSuggestions(customerId) {
  try {
    const suggestions = await getJson(`/api/customers/${encodeURIComponent(customerId)}/suggestions`);
    const entry = present.get(customerId);
    if (entry) { entry.suggestions = suggestions; renderCard(customerId); }
  } catch { /* suggestions come later through the hub */ }
}

function upsert(summary) {
  const entry = present.get(summary.customerId) ?? { suggestions: [], outcomes: {} };
  entry.summary = summary;
  present.set(summary.customerId, entry);
  render();
}

function render() {
  document.getElementById('empty').hidden = present.size > 0;
  document.getElementById('count').textContent = `${present.size} customer${present.size === 1 ? '' : 's'}`;
  for (const node of [...customersNode.children]) {
    if (!present.has(node.dataset.customerId)) node.remove();
  }
  for (const id of present.keys()) renderCard(id);
}

function renderCard(customerId) {
  const entry = present.get(customerId);
  if (!entry) return;
  const card = cardFor(customerId, entry);
  const existing = customersNode.querySelector(`[data-customer-id="${CSS.escape(customerId)}"]`);
  if (existing) existing.replaceWith(card);
  else { card.classList.add('arriving'); customersNode.prepend(card); }
}

function cardFor(customerId, { summary, suggestions, outcomes }) {
  const recovery = suggestions.some(s => s.kind === 'serviceRecovery') || summary.openComplaints > 0;
  const name = summary.name || customerId;
  const chips = el('div', { class: 'chips' },
    el('span', { class: `chip stage-${summary.stage}`, 'data-testid': 'stage' }, labels.stage[summary.stage] ?? summary.stage),
    summary.tier && el('span', { class: `chip tier-${summary.tier}` }, labels.tier[summary.tier] ?? summary.tier),
    summary.kind === 'organization' && el('span', { class: 'chip' }, labels.customerKind.organization),
    ...Object.entries(summary.segments ?? {}).filter(([, segment]) => segment).map(([kind, segment]) =>
      el('span', { class: 'chip', 'data-testid': 'segment' }, (kind === 'channel' ? labels.shopper[segment] : labels.segment[segment]) ?? humanize(segment))),
    summary.npsCategory && el('span', { class: `chip nps-${summary.npsCategory}` }, 'NPS ' + (labels.nps[summary.npsCategory] ?? summary.npsCategory)));
  return el('article', { class: 'card' + (recovery ? ' recovery' : ''), 'data-customer-id': customerId, 'data-testid': 'customer-card' },
    el('div', { class: 'card-head' },
      el('div', { class: 'avatar' }, name.slice(0, 1).toUpperCase()),
      el('div', { class: 'who' },
        el('button', { class: 'name', onclick: () => openDrawer(customerId) }, name),
        el('div', { class: 'meta' }, customerId + (summary.homeStoreId ? ` · home ${summary.homeStoreId}` : '')))),
    chips,
    summary.openComplaints > 0 && el('div', { class: 'alert', role: 'alert' }, `⚠ ${summary.openComplaints} open complaint${summary.openComplaints === 1 ? '' : 's'}: recover first`),
    el('div', { class: 'suggestions' },
      suggestions.length === 0
        ? el('div', { class: 'no-suggestions' }, 'No suggestions right now.')
        : suggestions.map(s => suggestionView(customerId, s, outcomes[s.suggestionId]?.outcome))),
    // Decided suggestions leave the list when the engine recomputes; the card keeps a note of them.
    Object.values(outcomes).map(o => el('div', { class: `outcome ${o.outcome}` }, `${o.outcome === 'accepted' ? '✓ Accepted' : '✕ Dismissed'}: ${o.title}`)));
}

function suggestionView(customerId, suggestion, outcome) {
  const f = suggestion.factors ?? {};
  const factor = (label, value, scale) => el('div', { class: 'factor' }, label, el('b', {}, formatNumber(value)),
    el('div', { class: 'bar' }, el('i', { style: `width:${Math.max(4, Math.min(100, (value / scale) * 100))}%` })));
  const reasonInput = el('input', { class: 'reason-input', placeholder: 'Reason (optional)', 'aria-label': 'Dismiss reason', hidden: true });
  const actions = outcome
    ? el('div', { class: `outcome ${outcome}` }, outcome === 'accepted' ? '✓ Accepted' : 'Dismissed')
    : el('div', { class: 'actions' },
        el('button', { class: 'accept', onclick: () => decide(customerId, suggestion, 'accepted') }, 'Accept'),
        el('button', { class: 'dismiss', onclick: () => {
          if (reasonInput.hidden) { reasonInput.hidden = false; reasonInput.focus(); return; }
          decide(customerId, suggestion, 'dismissed', reasonInput.value);
        } }, 'Dismiss'),
        reasonInput);
  reasonInput.addEventListener('keydown', e => { if (e.key === 'Enter') decide(customerId, suggestion, 'dismissed', reasonInput.value); });
  return el('div', { class: `suggestion kind-${suggestion.kind}`, 'data-testid': 'suggestion', 'data-kind': suggestion.kind },
    el('div', { class: 'kind' }, labels.kind[suggestion.kind] ?? humanize(suggestion.kind)),
    el('div', { class: 'title' }, suggestion.title),
    el('ul', {}, (suggestion.reasons ?? []).map(r => el('li', {}, r))),
    el('div', { class: 'factors', title: 'priority = propensity × context × value × lever' },
      factor('Propensity', f.propensity ?? 0, 1), factor('Context', f.contextWeight ?? 0, 3),
      factor('Value', f.value ?? 0, 100), factor('Lever', f.lever ?? 0, 2)),
    actions);
}

async function decide(customerId, suggestion, outcome, reason) {
  try {
    // Under the customer's path, so that with several nodes the balancer sends it to the customer's.
    await postJson(`/api/customers/${encodeURIComponent(customerId)}/suggestions/${encodeURIComponent(suggestion.suggestionId)}/outcome`,
      { outcome, reason: reason || null });
    const entry = present.get(customerId);
    if (entry) { entry.outcomes[suggestion.suggestionId] = { outcome, title: suggestion.title }; renderCard(customerId); }
    toast(outcome === 'accepted' ? `Accepted: ${suggestion.title}` : `Dismissed: ${suggestion.title}`);
  } catch (error) {
    toast('Could not record it: ' + (error.message || error));
  }
}

let openDrawerId = null;
let drawerSuggestions = null;
async function openDrawer(customerId) {
  let view;
  try { view = await getJson(`/api/customers/${encodeURIComponent(customerId)}`); }
  catch (error) { toast(error.message); return; }
  openDrawerId = customerId;
  await connection.invoke('WatchCustomer', customerId).catch(() => {});
  const root = document.getElementById('drawer-root');
  const close = () => { root.replaceChildren(); openDrawerId = null; };
  const v = view.value ?? {};
  const s = view.satisfaction ?? {};
  root.replaceChildren(
    el('div', { class: 'drawer-backdrop', onclick: close }),
    el('aside', { class: 'drawer', role: 'dialog', 'aria-label': 'Customer details', 'data-testid': 'drawer' },
      el('button', { class: 'ghost close', onclick: close }, 'Close'),
      el('h2', {}, view.name || view.customerId),
      el('div', { class: 'meta' }, `${view.customerId} · ${labels.customerKind[view.kind] ?? view.kind}${view.homeStoreId ? ' · home ' + view.homeStoreId : ''}`),
      el('h3', {}, 'Value'),
      el('div', { class: 'kv' },
        kv('Tier', labels.tier[v.tier] ?? '—'), kv('RFM', v.rfm ? `${v.rfm.r}·${v.rfm.f}·${v.rfm.m}` : '—'),
        kv('Spend', formatNumber(v.monetary)), kv('Purchases', v.frequency ?? 0), kv('Last purchase', v.recencyDays == null ? '—' : daysAgo(v.recencyDays)),
        kv('CLV', v.clv == null ? '—' : formatNumber(v.clv)), kv('P(alive)', v.pAlive == null ? '—' : Math.round(v.pAlive * 100) + '%')),
      el('h3', {}, 'Satisfaction'),
      el('div', { class: 'kv' }, kv('NPS', s.nps ?? '—'), kv('Category', labels.nps[s.npsCategory] ?? '—'), kv('Open complaints', s.openComplaints ?? 0)),
      el('h3', {}, 'Lifecycle'),
      el('ul', { class: 'timeline' }, (view.lifecycle?.history ?? []).slice().reverse().map(t =>
        el('li', {}, el('time', {}, when(t.at)), `${labels.stage[t.from] ?? t.from ?? 'start'} → ${labels.stage[t.to] ?? t.to}`, t.reason ? el('div', { class: 'meta' }, t.reason) : null))),
      el('h3', {}, 'Recent interactions'),
      el('ul', { class: 'timeline', 'data-testid': 'timeline' }, (view.recent ?? []).map(r =>
        el('li', {}, el('time', {}, when(r.occurredAt) + (r.storeId ? ' · ' + r.storeId : '')), r.summary)))));
}

function kv(label, value) { return el('div', {}, el('small', {}, label), el('b', {}, value)); }
function formatNumber(value) {
  if (value == null || Number.isNaN(value)) return '—';
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString() : Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 });
}
