import { getJson, connectHub, el, labels, humanize } from './engine-api.js';

// The live overview: one snapshot from GET /api/overview, then OverviewUpdated about once a
// second. Every snapshot is the whole state, so rendering simply replaces what is shown; bars are
// updated in place so their widths animate instead of jumping.

const segmentKinds = { priceSensitivity: 'Price sensitivity', loyalty: 'Brand loyalty', channel: 'Channel' };
const stages = ['prospect', 'new', 'active', 'atRisk', 'churned', 'wonBack'];
const tiers = ['high', 'medium', 'low', 'unranked'];
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const $ = id => document.getElementById(id);

let shownAt = 0;        // the `at` of the snapshot on screen, so a late push cannot replace a newer one
let receivedAt = 0;     // when the page last heard from the engine, for the "updated" label

const me = await getJson('/api/me');
$('user').textContent = me.name;
if (me.roles.some(r => r === 'marketing' || r === 'admin')) {
  $('nav').append(el('a', { href: '/marketing' }, 'Marketing'));
}

render(await getJson('/api/overview'));
setInterval(showAge, 1000);

// After every (re)connection the page re-joins the group and re-reads the snapshot: pushes missed
// while disconnected are not replayed, and the next one may be a second away.
const connection = connectHub($('status'), async hub => {
  await hub.invoke('JoinOverview');
  render(await getJson('/api/overview'));
});
connection.on('OverviewUpdated', render);

function render(snapshot) {
  const at = Date.parse(snapshot.at);
  if (at < shownAt) return;
  shownAt = at;
  receivedAt = Date.now();
  showAge();

  const eps = snapshot.eventsPerSecond;
  $('events-per-second').textContent = eps >= 100 ? integer.format(eps) : oneDecimal.format(eps);
  $('events-last-minute').textContent = `${integer.format(snapshot.eventsLastMinute)} in the last minute`;

  const openStores = snapshot.stores.filter(s => s.present > 0).length;
  $('customers-in-stores').textContent = integer.format(snapshot.customersInStores);
  $('stores-open').textContent = `in ${openStores} of ${snapshot.stores.length} store${snapshot.stores.length === 1 ? '' : 's'}`;

  const total = snapshot.totalCustomers;
  const engaged = snapshot.lifecycle.active + snapshot.lifecycle.new + snapshot.lifecycle.wonBack;
  $('total-customers').textContent = integer.format(total);
  $('active-share').textContent = total > 0 ? `${percent.format(engaged / total)} new, active or won back` : 'no customers yet';

  const decided = snapshot.acceptance.reduce((sum, a) => sum + a.accepted + a.dismissed, 0);
  const accepted = snapshot.acceptance.reduce((sum, a) => sum + a.accepted, 0);
  $('acceptance-rate').textContent = snapshot.acceptanceRate == null ? '–' : percent.format(snapshot.acceptanceRate);
  $('acceptance-decided').textContent = decided > 0 ? `${integer.format(accepted)} of ${integer.format(decided)} decided` : 'no outcomes yet';

  renderSparkline(snapshot.eventsPerSecondHistory);
  renderLifecycle(snapshot.lifecycle, total);
  renderTiers(snapshot.tiers, total);
  renderAcceptance(snapshot.acceptance);
  renderNps(snapshot.npsBySegment);
  renderLifetimeValue(snapshot.lifetimeValue);
  renderStores(snapshot.stores, snapshot.customersInStores);
}

function showAge() {
  if (!receivedAt) return;
  const seconds = Math.round((Date.now() - receivedAt) / 1000);
  const node = $('as-of');
  node.textContent = seconds <= 1 ? 'Updated just now' : `Updated ${seconds} s ago`;
  node.classList.toggle('stale', seconds > 5);
}

// Per-second counts are spiky; 5-second averages draw a calmer line with the same shape.
function renderSparkline(history) {
  const width = 600, height = 120, top = 8, bucket = 5;
  const points = [];
  for (let i = 0; i < history.length; i += bucket) {
    const slice = history.slice(i, i + bucket);
    points.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  const peak = Math.max(...history, 0);
  const scale = Math.max(...points, 1);
  const step = points.length > 1 ? width / (points.length - 1) : width;
  const xy = points.map((value, i) => [i * step, height - (value / scale) * (height - top)]);
  const line = xy.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
  $('spark-line').setAttribute('d', line);
  $('spark-area').setAttribute('d', xy.length ? `${line}L${width},${height}L0,${height}Z` : '');
  $('spark-peak').textContent = `${integer.format(peak)}/s`;
}

function renderLifecycle(lifecycle, total) {
  $('lifecycle-total').textContent = `${integer.format(total)} customers`;
  updateBars($('lifecycle'), stages.map(stage => ({
    key: stage, label: labels.stage[stage] ?? stage, value: lifecycle[stage], max: total,
    text: integer.format(lifecycle[stage]), fill: `stage-${stage}`,
  })));
}

function renderTiers(counts, total) {
  $('tiers-total').textContent = `${integer.format(total - counts.unranked)} ranked`;
  updateBars($('tiers'), tiers.map(tier => ({
    key: tier, label: tier === 'unranked' ? 'Not ranked' : labels.tier[tier] ?? tier, value: counts[tier], max: total,
    text: integer.format(counts[tier]), fill: `tier-${tier}`,
  })));
}

function renderLifetimeValue(histogram) {
  $('clv-empty').hidden = !!histogram && histogram.scored > 0;
  if (!histogram) { updateBars($('clv'), []); $('clv-median').textContent = ''; return; }
  const most = Math.max(1, ...histogram.bands.map(b => b.customers));
  $('clv-median').textContent = histogram.median == null ? '' : `median ${integer.format(Math.round(histogram.median))}`;
  updateBars($('clv'), histogram.bands.map(b => ({
    key: String(b.from), label: b.to == null ? `${integer.format(b.from)}+` : `${integer.format(b.from)}–${integer.format(b.to)}`,
    value: b.customers, max: most, text: integer.format(b.customers), fill: 'tier-high',
  })));
}

function renderAcceptance(acceptance) {
  $('acceptance-empty').hidden = acceptance.length > 0;
  updateBars($('acceptance'), [...acceptance]
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.kind.localeCompare(b.kind))
    .map(a => ({
      key: a.kind, label: labels.kind[a.kind] ?? humanize(a.kind), value: a.rate ?? 0, max: 1,
      text: a.rate == null ? '–' : percent.format(a.rate),
      title: `${a.accepted} accepted, ${a.dismissed} dismissed` + (a.presented ? `, ${a.presented} shown` : ''),
      fill: a.kind === 'serviceRecovery' ? 'fill-bad' : '',
    })));
}

function renderStores(stores, present) {
  $('stores-total').textContent = `${integer.format(present)} present`;
  $('stores-empty').hidden = stores.length > 0;
  const busiest = Math.max(...stores.map(s => s.present), 1);
  updateBars($('stores'), [...stores]
    .sort((a, b) => b.present - a.present || a.storeId.localeCompare(b.storeId))
    .map(s => ({ key: s.storeId, label: s.storeId, value: s.present, max: busiest, text: integer.format(s.present), fill: 'fill-ok' })));
}

// One row per segment: detractors, passives and promoters side by side in one bar, and the score.
function renderNps(segments) {
  const container = $('nps');
  $('nps-empty').hidden = segments.length > 0;
  const wanted = new Set();
  let group = null;
  let previous = null;
  for (const s of segments) {
    if (s.segmentKind !== group) {
      group = s.segmentKind;
      const key = 'kind:' + group;
      wanted.add(key);
      previous = placeRow(container, key, previous, () => el('div', { class: 'nps-kind', 'data-key': key }, segmentKinds[group] ?? humanize(group)));
    }
    const key = `${s.segmentKind}:${s.segment}`;
    wanted.add(key);
    const row = placeRow(container, key, previous, () => el('div', { class: 'nps-row', 'data-key': key, 'data-testid': 'nps-row' },
      el('span', { class: 'label' }, labels.segment[s.segment] ?? humanize(s.segment)),
      el('div', { class: 'stack' }, el('i', { class: 'detractor' }), el('i', { class: 'passive' }), el('i', { class: 'promoter' })),
      el('b', { class: 'score' })));
    const respondents = s.promoters + s.passives + s.detractors;
    const [detractors, passives, promoters] = row.querySelectorAll('.stack i');
    detractors.style.width = `${(s.detractors / respondents) * 100}%`;
    passives.style.width = `${(s.passives / respondents) * 100}%`;
    promoters.style.width = `${(s.promoters / respondents) * 100}%`;
    row.title = `${s.promoters} promoters, ${s.passives} passives, ${s.detractors} detractors`;
    const score = row.querySelector('.score');
    score.textContent = (s.nps > 0 ? '+' : '') + s.nps;
    score.className = 'score ' + (s.nps > 0 ? 'good' : s.nps < 0 ? 'bad' : '');
    previous = row;
  }
  removeOthers(container, wanted);
}

// Keyed rows, kept across renders so the fill widths transition.
function updateBars(container, rows) {
  const wanted = new Set(rows.map(r => r.key));
  let previous = null;
  for (const r of rows) {
    const row = placeRow(container, r.key, previous, () => el('div', { class: 'bar-row', 'data-key': r.key },
      el('span', { class: 'label' }), el('div', { class: 'track' }, el('div', { class: 'fill' })), el('span', { class: 'value' })));
    row.querySelector('.label').textContent = r.label;
    row.querySelector('.value').textContent = r.text;
    const fill = row.querySelector('.fill');
    fill.className = 'fill ' + (r.fill ?? '');
    fill.style.width = `${r.max > 0 ? Math.min(100, (r.value / r.max) * 100) : 0}%`;
    row.title = r.title ?? '';
    previous = row;
  }
  removeOthers(container, wanted);
}

function placeRow(container, key, previous, create) {
  let row = [...container.children].find(child => child.dataset.key === key);
  if (!row) row = create();
  const expectedPosition = previous ? previous.nextElementSibling : container.firstElementChild;
  if (row !== expectedPosition) container.insertBefore(row, expectedPosition);
  return row;
}

function removeOthers(container, wanted) {
  for (const child of [...container.children]) {
    if (!wanted.has(child.dataset.key)) child.remove();
  }
}
