import { getJson, connectHub, el, toast, labels, humanize } from './engine-api.js';

// The marketing console: campaigns on the left; on the right either the editor (create, edit, with
// a live estimate of the audience) or one campaign's results, which the hub pushes about once a
// second while they change (CampaignResultsUpdated after JoinCampaign).

const $ = id => document.getElementById(id);
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const points = new Intl.NumberFormat(undefined, { signDisplay: 'always', maximumFractionDigits: 1 });

const audienceFields = [
  { path: 'lifecycle.stage', label: 'Lifecycle stage', values: ['prospect', 'new', 'active', 'atRisk', 'churned', 'wonBack'], words: labels.stage },
  { path: 'value.tier', label: 'Value tier', values: ['high', 'medium', 'low'], words: labels.tier },
  { path: 'segments.priceSensitivity', label: 'Price sensitivity', values: ['priceDriven', 'valueDriven'], words: labels.segment },
  { path: 'segments.loyalty', label: 'Brand loyalty', values: ['loyal', 'switcher', 'multiBrandExplorer'], words: labels.segment },
  { path: 'segments.channel', label: 'Channel preference', values: ['store', 'online', 'omnichannel'], words: labels.segment },
  { path: 'kind', label: 'Customer kind', values: ['individual', 'organization'], words: labels.customerKind },
  { path: 'homeStoreId', label: 'Home store' },
  { path: 'currentStoreId', label: 'Store they are in now' },
  { path: 'satisfaction.npsCategory', label: 'NPS category', values: ['promoter', 'passive', 'detractor'], words: labels.nps },
  { path: 'value.rfm.r', label: 'RFM recency score (1–5)', numeric: true },
  { path: 'value.rfm.f', label: 'RFM frequency score (1–5)', numeric: true },
  { path: 'value.rfm.m', label: 'RFM monetary score (1–5)', numeric: true },
  { path: 'value.frequency', label: 'Number of purchases', numeric: true },
  { path: 'value.monetary', label: 'Spend, net of returns', numeric: true },
  { path: 'attributes.', label: 'Custom attribute…', custom: true },
];
const operators = [
  { op: 'in', label: 'is one of' }, { op: 'notIn', label: 'is not one of' }, { op: 'equals', label: 'equals' },
  { op: 'contains', label: 'contains' }, { op: 'gte', label: 'is at least' }, { op: 'lte', label: 'is at most' },
];
const eventWords = {
  purchase: 'a purchase', 'store.entered': 'a store entry', 'cart.added': 'an item added to the basket', feedback: 'feedback',
  'complaint.opened': 'a complaint opened', 'complaint.resolved': 'a complaint resolved', 'consent.changed': 'a consent change',
  'lifecycle.changed': 'a lifecycle change',
};
const eventTypes = Object.keys(eventWords);
const operatorWords = { contains: 'contains', equals: 'is', in: 'is one of', gte: 'is at least', lte: 'is at most' };
const whereOperators = ['contains', 'equals', 'in', 'gte', 'lte'];
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const statusLabels = { draft: 'Draft', active: 'Active', paused: 'Paused', ended: 'Ended' };

let campaigns = [];
let current = null;          // the campaign shown in the results view
let editing = null;          // the campaign being edited, or null for a new one
let audienceAsJson = false;  // the builder cannot show every audience; JSON can
let estimateTimer = 0;
let estimateSequence = 0;
let hub = null;

// ---------------------------------------------------------------- start

// Listeners first: a click while the console is still loading opens what it says, and is not lost.
$('new-campaign').addEventListener('click', () => openEditor(null));
$('cancel-edit').addEventListener('click', () => current ? showResults(current.id) : showWelcome());
$('add-condition').addEventListener('click', () => { addConditionRow(); scheduleEstimate(); });
$('audience-mode').addEventListener('click', toggleAudienceMode);
$('f-combine').addEventListener('change', scheduleEstimate);
$('f-audience-json').addEventListener('input', scheduleEstimate);
$('editor').addEventListener('submit', event => { event.preventDefault(); save(); });
for (const radio of document.querySelectorAll('input[name=trigger-kind]')) radio.addEventListener('change', showTriggerFields);
$('r-activate').addEventListener('click', () => command('activate'));
$('r-pause').addEventListener('click', () => command('pause'));
$('r-end').addEventListener('click', () => { if (confirm('End this campaign for good? Its results stay readable.')) command('end'); });
$('r-edit').addEventListener('click', () => openEditor(current));

const me = await getJson('/api/me');
$('user').textContent = me.name;
$('f-event').append(...eventTypes.map(t => el('option', { value: t }, `${eventWords[t]} (${t})`)));
$('f-where-op').append(...whereOperators.map(o => el('option', { value: o }, o)));
$('f-days').append(...days.map(d => el('label', { class: 'field day' }, el('input', { type: 'checkbox', value: d }), d.slice(0, 3))));
await loadCatalog();
await loadList();
setInterval(loadList, 5000);

hub = connectHub($('status'), async connection => {
  if (current) await connection.invoke('JoinCampaign', current.id);
});
hub.on('CampaignResultsUpdated', results => {
  updateListRow(results);
  if (current && results.campaignId === current.id) renderResults(results);
});

const requested = new URLSearchParams(location.search).get('campaign');
if (requested && campaigns.some(c => c.id === requested)) await showResults(requested);
else if ($('editor').hidden && $('results').hidden) showWelcome();

// ---------------------------------------------------------------- HTTP

async function send(method, path, body) {
  const response = await fetch(path, {
    method, credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) location.href = '/signin?returnUrl=' + encodeURIComponent(location.pathname + location.search);
  const payload = await response.json().catch(() => null);
  return { ok: response.ok, status: response.status, body: payload };
}

async function loadCatalog() {
  try {
    const catalog = await getJson('/api/actions');
    $('f-action').append(...catalog.actions.map(a => el('option', { value: a.id }, `${a.title} (${a.id})`)));
  } catch { /* the catalog is optional here: inline offers still work */ }
}

// ---------------------------------------------------------------- list

async function loadList() {
  const { ok, body } = await send('GET', '/api/campaigns');
  if (!ok) return;
  campaigns = body;
  $('campaign-count').textContent = `${campaigns.length} campaign${campaigns.length === 1 ? '' : 's'}, ${campaigns.filter(c => c.status === 'active').length} active`;
  $('campaign-empty').hidden = campaigns.length > 0;
  const list = $('campaign-list');
  const wanted = new Set(campaigns.map(c => c.id));
  for (const row of [...list.children]) if (!wanted.has(row.dataset.campaignId)) row.remove();
  let previous = null;
  for (const campaign of campaigns) {
    let row = list.querySelector(`[data-campaign-id="${CSS.escape(campaign.id)}"]`);
    if (!row) {
      row = el('button', { type: 'button', class: 'campaign-row', 'data-testid': 'campaign-row', 'data-campaign-id': campaign.id, onclick: () => showResults(campaign.id) },
        el('span', { class: 'row-head' }, el('b', { class: 'row-name' }), el('span', { class: 'chip row-status' })),
        el('span', { class: 'row-trigger' }),
        el('span', { class: 'row-numbers' }));
    }
    const expected = previous ? previous.nextElementSibling : list.firstElementChild;
    if (row !== expected) list.insertBefore(row, expected);
    row.querySelector('.row-name').textContent = campaign.name;
    const status = row.querySelector('.row-status');
    status.textContent = statusLabels[campaign.status] ?? campaign.status;
    status.className = `chip row-status status-${campaign.status}`;
    row.querySelector('.row-trigger').textContent = describeTrigger(campaign.trigger);
    row.classList.toggle('selected', current?.id === campaign.id);
    showHeadline(row, campaign.headline);
    previous = row;
  }
}

function updateListRow(results) {
  const row = $('campaign-list').querySelector(`[data-campaign-id="${CSS.escape(results.campaignId)}"]`);
  if (row) showHeadline(row, { presented: results.treatment.presented, accepted: results.treatment.accepted, conversions: results.treatment.conversions, uplift: results.uplift });
}

function showHeadline(row, headline) {
  if (!headline) return;
  const uplift = headline.uplift?.value == null ? '' : ` · uplift ${points.format(headline.uplift.value * 100)} pts`;
  row.querySelector('.row-numbers').textContent =
    `${integer.format(headline.presented)} presented · ${integer.format(headline.accepted)} accepted · ${integer.format(headline.conversions)} converted${uplift}`;
}

function describeTrigger(trigger) {
  if (!trigger) return '';
  if (trigger.whileInAudience) return 'Standing offer while in the audience';
  const op = trigger.where && Object.keys(trigger.where).find(k => k !== 'field');
  const where = trigger.where?.field ? ` where ${trigger.where.field} ${operatorWords[op] ?? op} ${JSON.stringify(trigger.where[op])}` : '';
  return `On ${eventWords[trigger.eventType] ?? trigger.eventType}${where}`;
}

// ---------------------------------------------------------------- views

function showWelcome() {
  leaveCurrent();
  $('welcome').hidden = false;
  $('editor').hidden = true;
  $('results').hidden = true;
}

async function showResults(id) {
  const { ok, body } = await send('GET', `/api/campaigns/${encodeURIComponent(id)}`);
  if (!ok) { toast('That campaign could not be read.'); return; }
  if (current?.id !== id) leaveCurrent();
  current = body;
  history.replaceState(null, '', `/marketing?campaign=${encodeURIComponent(id)}`);
  $('welcome').hidden = true;
  $('editor').hidden = true;
  $('results').hidden = false;
  renderCampaign(body);
  const results = await send('GET', `/api/campaigns/${encodeURIComponent(id)}/results`);
  if (results.ok) renderResults(results.body);
  try { await hub.invoke('JoinCampaign', id); } catch { /* joined again on reconnection */ }
  for (const row of $('campaign-list').children) row.classList.toggle('selected', row.dataset.campaignId === id);
}

function leaveCurrent() {
  if (current && hub?.state === 'Connected') hub.invoke('LeaveCampaign', current.id).catch(() => {});
  current = null;
}

function renderCampaign(campaign) {
  $('r-name').textContent = campaign.name;
  $('r-meta').textContent = [describeTrigger(campaign.trigger), campaign.holdoutPercent ? `${campaign.holdoutPercent}% holdout` : 'no holdout',
    `version ${campaign.version}`].join(' · ');
  const status = $('r-status');
  status.textContent = statusLabels[campaign.status] ?? campaign.status;
  status.className = `chip status-${campaign.status}`;
  status.dataset.status = campaign.status;
  $('r-activate').hidden = !(campaign.status === 'draft' || campaign.status === 'paused');
  $('r-activate').textContent = campaign.status === 'paused' ? 'Resume' : 'Activate';
  $('r-pause').hidden = campaign.status !== 'active';
  $('r-end').hidden = campaign.status === 'ended';
  $('r-edit').hidden = campaign.status === 'ended';
  const historyList = $('r-history');
  historyList.replaceChildren(...[...(campaign.history ?? [])].reverse().map(change => el('li', {},
    el('b', {}, `${capitalize(change.change)}${change.fields?.length ? ': ' + change.fields.join(', ') : ''}`),
    el('time', {}, `${new Date(change.at).toLocaleString()} · ${change.by} · v${change.version}`))));
}

async function command(verb) {
  const { ok, body } = await send('POST', `/api/campaigns/${encodeURIComponent(current.id)}/${verb}`);
  if (!ok) { toast(body?.detail ?? `Could not ${verb} the campaign.`); return; }
  current = body;
  renderCampaign(body);
  toast({ activate: 'Active: it reaches customers from now on.', pause: 'Paused: nothing more is presented.', end: 'Ended.' }[verb]);
  await loadList();
}

// ---------------------------------------------------------------- results

function renderResults(results) {
  const t = results.treatment, h = results.holdout;
  $('r-presented').textContent = integer.format(t.presented);
  $('r-presented-sub').textContent = `${integer.format(h.presented)} withheld from the holdout · ${integer.format(t.triggered + h.triggered)} triggers`;
  $('r-accepted').textContent = integer.format(t.accepted);
  const decided = t.accepted + t.dismissed;
  $('r-accepted-sub').textContent = decided ? `${percent.format(t.accepted / decided)} of ${integer.format(decided)} decided` : 'no outcome yet';
  $('r-conversions').textContent = integer.format(t.conversions);
  $('r-conversions-sub').textContent = `treatment ${rate(results.conversionRate.treatment)} · holdout ${rate(results.conversionRate.holdout)}`;
  const uplift = results.uplift;
  $('r-uplift').textContent = uplift.value == null ? '–' : `${points.format(uplift.value * 100)} pts`;
  $('r-uplift-sub').textContent = uplift.value == null ? '95% interval once both groups have presentations'
    : `95% interval ${points.format(uplift.low * 100)} to ${points.format(uplift.high * 100)} pts`;
  $('r-budget').textContent = results.budget == null ? 'no budget' : `budget ${integer.format(results.budgetUsed)} of ${integer.format(results.budget)} used`;

  const rows = [['Eligible', 'eligible'], ['Triggered', 'triggered'], ['Presented', 'presented'], ['Accepted', 'accepted'], ['Dismissed', 'dismissed'], ['Conversions', 'conversions']];
  $('r-table').replaceChildren(
    ...rows.map(([label, key]) => el('tr', { 'data-count': key }, el('th', {}, label), el('td', {}, integer.format(t[key])), el('td', {}, integer.format(h[key])))),
    el('tr', {}, el('th', {}, 'Conversion rate'), el('td', {}, rate(results.conversionRate.treatment)), el('td', {}, rate(results.conversionRate.holdout))));
  drawCounts(results);
  drawRate(results);
  drawUplift(uplift);
}

function rate(value) { return value == null ? '–' : percent.format(value); }

function cumulative(series, pick) {
  let sum = 0;
  return series.map(p => (sum += pick(p)));
}

function svg(tag, attributes) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function path(values, width, height, top, max) {
  const n = values.length;
  const step = n > 1 ? width / (n - 1) : width;
  const xy = (n > 1 ? values : [values[0], values[0]]).map((v, i) => [i * step, height - (v / max) * (height - top)]);
  return xy.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

function grid(chart, width, height) {
  for (const f of [0.25, 0.5, 0.75]) chart.append(svg('line', { x1: 0, x2: width, y1: height * f, y2: height * f, class: 'grid-line' }));
}

function drawCounts(results) {
  const chart = $('chart-counts');
  const width = 640, height = 200, top = 24;
  chart.replaceChildren();
  grid(chart, width, height);
  const series = results.series;
  if (series.length === 0) { chart.append(svg('text', { x: 12, y: 24, class: 'chart-empty' })); chart.lastChild.textContent = 'Nothing presented yet'; return; }
  const lines = [
    ['s-presented', cumulative(series, p => p.treatment.presented), false], ['s-accepted', cumulative(series, p => p.treatment.accepted), false],
    ['s-conversions', cumulative(series, p => p.treatment.conversions), false],
    ['s-presented', cumulative(series, p => p.holdout.presented), true], ['s-conversions', cumulative(series, p => p.holdout.conversions), true],
  ];
  const max = Math.max(1, ...lines.flatMap(([, values]) => values));
  for (const [cls, values, dashed] of lines) {
    chart.append(svg('path', { d: path(values, width, height, top, max), class: `line ${cls}${dashed ? ' dashed' : ''}` }));
  }
  const label = svg('text', { x: 6, y: 14, class: 'chart-label' });
  label.textContent = integer.format(max);
  chart.append(label);
  $('axis-from').textContent = new Date(series[0].at).toLocaleTimeString();
  $('axis-to').textContent = new Date(Date.parse(series[series.length - 1].at) + results.bucketSeconds * 1000).toLocaleTimeString();
}

function drawRate(results) {
  const chart = $('chart-rate');
  const width = 320, height = 160, top = 24;
  chart.replaceChildren();
  grid(chart, width, height);
  const rates = group => {
    const presented = cumulative(results.series, p => p[group].presented);
    const converted = cumulative(results.series, p => p[group].conversions);
    return presented.map((n, i) => n > 0 ? Math.min(1, converted[i] / n) : 0);
  };
  if (results.series.length === 0) return;
  const treatment = rates('treatment'), holdout = rates('holdout');
  const max = Math.max(0.05, ...treatment, ...holdout);
  chart.append(svg('path', { d: path(treatment, width, height, top, max), class: 'line s-treatment' }));
  chart.append(svg('path', { d: path(holdout, width, height, top, max), class: 'line s-holdout dashed' }));
  const label = svg('text', { x: 6, y: 14, class: 'chart-label' });
  label.textContent = percent.format(max);
  chart.append(label);
}

function drawUplift(uplift) {
  const chart = $('chart-uplift');
  const width = 320, middle = 40;
  chart.replaceChildren();
  if (uplift.value == null) {
    const text = svg('text', { x: 12, y: 44, class: 'chart-empty' });
    text.textContent = 'Needs presentations in both groups';
    chart.append(text);
    return;
  }
  const low = Math.min(uplift.low, 0), high = Math.max(uplift.high, 0);
  const pad = (high - low) * 0.1 || 0.01;
  const x = v => ((v - (low - pad)) / ((high + pad) - (low - pad))) * width;
  chart.append(svg('line', { x1: x(0), x2: x(0), y1: 8, y2: 72, class: 'zero-line' }));
  const good = uplift.low > 0, bad = uplift.high < 0;
  const cls = good ? 'good' : bad ? 'bad' : 'neutral';
  chart.append(svg('line', { x1: x(uplift.low), x2: x(uplift.high), y1: middle, y2: middle, class: `whisker ${cls}` }));
  for (const end of [uplift.low, uplift.high]) chart.append(svg('line', { x1: x(end), x2: x(end), y1: middle - 8, y2: middle + 8, class: `whisker ${cls}` }));
  chart.append(svg('circle', { cx: x(uplift.value), cy: middle, r: 6, class: `dot ${cls}` }));
  const caption = svg('text', { x: Math.min(width - 4, Math.max(4, x(uplift.value))), y: 84, class: 'chart-label', 'text-anchor': 'middle' });
  caption.textContent = `${points.format(uplift.value * 100)} pts`;
  chart.append(caption);
}

// ---------------------------------------------------------------- editor

function openEditor(campaign) {
  editing = campaign;
  $('welcome').hidden = true;
  $('results').hidden = true;
  $('editor').hidden = false;
  $('editor-title').textContent = campaign ? `Edit “${campaign.name}”` : 'New campaign';
  $('editor-version').textContent = campaign ? `version ${campaign.version} · ${statusLabels[campaign.status]}` : 'saved as a draft';
  clearErrors();
  const c = campaign ?? {};
  $('f-name').value = c.name ?? '';
  $('f-description').value = c.description ?? '';
  $('f-action').value = c.offer?.actionId ?? '';
  $('f-title').value = c.offer?.title ?? '';
  $('f-reason').value = c.offer?.reason ?? '';
  $('f-value').value = c.offer?.value ?? '';
  $('conditions').replaceChildren();
  const rows = rowsOf(c.audience ?? null);
  audienceAsJson = rows === null;
  if (rows) {
    $('f-combine').value = rows.combine;
    for (const row of rows.items) addConditionRow(row);
  }
  $('f-audience-json').value = c.audience ? JSON.stringify(c.audience, null, 2) : '';
  showAudienceMode();
  const standing = c.trigger?.whileInAudience === true;
  $('f-trigger-standing').checked = standing;
  $('f-trigger-event').checked = !standing;
  $('f-event').value = c.trigger?.eventType ?? 'purchase';
  const where = c.trigger?.where;
  const whereOp = where ? whereOperators.find(o => o in where) : 'contains';
  $('f-where-field').value = where?.field ?? '';
  $('f-where-op').value = whereOp ?? 'contains';
  $('f-where-value').value = where && whereOp ? [].concat(where[whereOp]).join(', ') : '';
  showTriggerFields();
  $('f-start').value = local(c.schedule?.start);
  $('f-end').value = local(c.schedule?.end);
  $('f-zone').value = c.schedule?.timeZone ?? '';
  $('f-from-hour').value = c.schedule?.hours?.from ?? '';
  $('f-to-hour').value = c.schedule?.hours?.to ?? '';
  for (const box of $('f-days').querySelectorAll('input')) box.checked = (c.schedule?.days ?? []).includes(box.value);
  $('f-per-customer').value = c.caps?.perCustomer ?? '';
  $('f-window').value = c.caps?.perCustomerWindowDays ?? '';
  $('f-budget').value = c.caps?.totalPresentations ?? '';
  $('f-holdout').value = c.holdoutPercent ?? (campaign ? 0 : 10);
  $('f-holdout').disabled = Boolean(campaign?.firstActivatedAt);
  $('f-lever').value = c.lever ?? 1;
  scheduleEstimate();
  $('f-name').focus();
}

function addConditionRow(row = { path: 'lifecycle.stage', op: 'in', value: '' }) {
  const known = audienceFields.find(f => f.path === row.path) ?? (row.path.startsWith('attributes.') ? audienceFields.at(-1) : audienceFields[0]);
  const field = el('select', { class: 'c-field', 'data-testid': 'condition-field', 'aria-label': 'Field' },
    ...audienceFields.map(f => el('option', { value: f.path, selected: f === known }, f.label)));
  const attribute = el('input', { class: 'c-attribute', placeholder: 'attribute name', 'aria-label': 'Attribute name', value: row.path.startsWith('attributes.') ? row.path.slice(11) : '' });
  const op = el('select', { class: 'c-op', 'data-testid': 'condition-op', 'aria-label': 'Test' },
    ...operators.map(o => el('option', { value: o.op, selected: o.op === row.op }, o.label)));
  const value = el('input', { class: 'c-value', 'data-testid': 'condition-value', 'aria-label': 'Values', value: row.value });
  const remove = el('button', { type: 'button', class: 'link-button', 'aria-label': 'Remove condition' }, 'Remove');
  // A field with known values offers them in words; a click adds or removes the API name in the list.
  const choices = el('div', { class: 'c-choices', 'data-testid': 'condition-choices', role: 'group', 'aria-label': 'Choose values' });
  const node = el('div', { class: 'condition', 'data-testid': 'condition' }, field, attribute, op, value, remove, choices);
  const listed = () => value.value.split(',').map(v => v.trim()).filter(Boolean);
  const showChosen = () => {
    const chosen = new Set(listed());
    for (const choice of choices.children) choice.setAttribute('aria-pressed', String(chosen.has(choice.dataset.value)));
  };
  const refresh = () => {
    const f = audienceFields.find(x => x.path === field.value);
    attribute.hidden = !f?.custom;
    value.placeholder = f?.values ? f.values.join(', ') : f?.numeric ? 'a number' : 'a value, or several separated by commas';
    choices.replaceChildren(...(f?.values ?? []).map(v => el('button', { type: 'button', class: 'choice', 'data-value': v }, f.words?.[v] ?? humanize(v))));
    choices.hidden = !f?.values;
    showChosen();
    scheduleEstimate();
  };
  choices.addEventListener('click', event => {
    const choice = event.target.closest('.choice');
    if (!choice) return;
    const chosen = listed();
    const at = chosen.indexOf(choice.dataset.value);
    if (at >= 0) chosen.splice(at, 1); else chosen.push(choice.dataset.value);
    value.value = chosen.join(', ');
    showChosen();
    scheduleEstimate();
  });
  value.addEventListener('input', showChosen);
  field.addEventListener('change', refresh);
  for (const input of [attribute, op, value]) input.addEventListener('input', scheduleEstimate);
  op.addEventListener('change', scheduleEstimate);
  remove.addEventListener('click', () => { node.remove(); showConditionsEmpty(); scheduleEstimate(); });
  $('conditions').append(node);
  refresh();
  showConditionsEmpty();
}

function showConditionsEmpty() { $('conditions-empty').hidden = audienceAsJson || $('conditions').children.length > 0; }

function toggleAudienceMode() {
  if (!audienceAsJson) {
    $('f-audience-json').value = JSON.stringify(audienceFromRows(), null, 2) ?? '';
    audienceAsJson = true;
  } else {
    let parsed = null;
    try { parsed = $('f-audience-json').value.trim() ? JSON.parse($('f-audience-json').value) : null; } catch { toast('The JSON is not valid.'); return; }
    const rows = rowsOf(parsed);
    if (!rows) { toast('This audience is too intricate for the builder; keep editing it as JSON.'); return; }
    $('conditions').replaceChildren();
    $('f-combine').value = rows.combine;
    for (const row of rows.items) addConditionRow(row);
    audienceAsJson = false;
  }
  showAudienceMode();
  scheduleEstimate();
}

function showAudienceMode() {
  $('audience-json-field').hidden = !audienceAsJson;
  $('conditions').hidden = audienceAsJson;
  $('add-condition').hidden = audienceAsJson;
  $('f-combine').closest('label').hidden = audienceAsJson;
  $('audience-mode').textContent = audienceAsJson ? 'Use the builder' : 'Edit as JSON';
  showConditionsEmpty();
}

// The builder shows a flat all/any of field tests (a "not in" is { not: { field, in } }); anything else is JSON.
function rowsOf(audience) {
  if (audience == null) return { combine: 'all', items: [] };
  const combine = audience.all ? 'all' : audience.any ? 'any' : 'all';
  const items = audience.all ?? audience.any ?? [audience];
  const rows = [];
  for (const item of items) {
    const negated = item?.not && item.not.field && Array.isArray(item.not.in) && Object.keys(item.not).length === 2;
    const test = negated ? item.not : item;
    if (!test?.field) return null;
    const op = negated ? 'notIn' : ['in', 'equals', 'contains', 'gte', 'lte'].find(o => o in test);
    if (!op || Object.keys(test).length !== 2) return null;
    const raw = negated ? test.in : test[op];
    rows.push({ path: test.field, op, value: [].concat(raw).join(', ') });
  }
  return { combine, items: rows };
}

function audienceFromRows() {
  const tests = [];
  for (const node of $('conditions').children) {
    const choice = node.querySelector('.c-field').value;
    const spec = audienceFields.find(f => f.path === choice);
    const path = spec?.custom ? 'attributes.' + node.querySelector('.c-attribute').value.trim() : choice;
    const op = node.querySelector('.c-op').value;
    const text = node.querySelector('.c-value').value;
    const values = text.split(',').map(v => v.trim()).filter(Boolean).map(v => spec?.numeric && v !== '' && !isNaN(Number(v)) ? Number(v) : v);
    const single = values[0] ?? '';
    if (op === 'in') tests.push({ field: path, in: values });
    else if (op === 'notIn') tests.push({ not: { field: path, in: values } });
    else if (op === 'gte' || op === 'lte') tests.push({ field: path, [op]: typeof single === 'number' ? single : (isNaN(Number(single)) ? single : Number(single)) });
    else tests.push({ field: path, [op]: single });
  }
  if (tests.length === 0) return null;
  return { [$('f-combine').value]: tests };
}

function readAudience() {
  if (!audienceAsJson) return { ok: true, audience: audienceFromRows() };
  const text = $('f-audience-json').value.trim();
  if (!text) return { ok: true, audience: null };
  try { return { ok: true, audience: JSON.parse(text) }; } catch { return { ok: false }; }
}

function scheduleEstimate() {
  clearTimeout(estimateTimer);
  estimateTimer = setTimeout(estimate, 350);
}

async function estimate() {
  const target = $('audience-estimate');
  const { ok, audience } = readAudience();
  if (!ok) { target.textContent = 'JSON not valid'; target.className = 'estimate bad'; return; }
  const sequence = ++estimateSequence;
  target.classList.add('busy');
  const result = await send('POST', '/api/campaigns/audience-estimate', { audience });
  if (sequence !== estimateSequence) return;
  target.classList.remove('busy');
  if (!result.ok) {
    target.textContent = result.body?.detail ?? 'cannot estimate';
    target.className = 'estimate bad';
    return;
  }
  const e = result.body;
  target.className = 'estimate';
  target.dataset.estimate = e.estimate;
  target.textContent = e.exact
    ? `${integer.format(e.estimate)} of ${integer.format(e.total)} customers`
    : `≈ ${integer.format(e.estimate)} of ${integer.format(e.total)} customers (${integer.format(e.matched)} of ${integer.format(e.sampled)} sampled)`;
}

function showTriggerFields() {
  $('trigger-event-fields').hidden = $('f-trigger-standing').checked;
}

function readDefinition() {
  const number = id => $(id).value === '' ? null : Number($(id).value);
  const text = id => $(id).value.trim() === '' ? null : $(id).value.trim();
  const { ok, audience } = readAudience();
  if (!ok) return null;
  let trigger;
  if ($('f-trigger-standing').checked) {
    trigger = { whileInAudience: true };
  } else {
    trigger = { eventType: $('f-event').value, where: null };
    const field = text('f-where-field');
    if (field) {
      const op = $('f-where-op').value;
      const values = $('f-where-value').value.split(',').map(v => v.trim()).filter(Boolean).map(v => isNaN(Number(v)) ? v : Number(v));
      trigger.where = { field, [op]: op === 'in' ? values : values[0] ?? '' };
    }
  }
  const chosenDays = [...$('f-days').querySelectorAll('input:checked')].map(b => b.value);
  const hours = number('f-from-hour') == null && number('f-to-hour') == null ? null : { from: number('f-from-hour'), to: number('f-to-hour') };
  const schedule = { start: iso($('f-start').value), end: iso($('f-end').value), timeZone: text('f-zone') ?? 'UTC', days: chosenDays.length ? chosenDays : null, hours };
  const caps = { perCustomer: number('f-per-customer'), perCustomerWindowDays: number('f-window'), totalPresentations: number('f-budget') };
  return {
    name: text('f-name'),
    description: text('f-description'),
    offer: { title: text('f-title'), reason: text('f-reason'), value: number('f-value'), actionId: $('f-action').value || null },
    audience,
    trigger,
    schedule,
    caps: caps.perCustomer == null && caps.totalPresentations == null && caps.perCustomerWindowDays == null ? null : caps,
    holdoutPercent: number('f-holdout') ?? 0,
    lever: number('f-lever') ?? 1,
  };
}

async function save() {
  clearErrors();
  const definition = readDefinition();
  if (!definition) { showError('audience', 'The audience JSON is not valid JSON.'); return; }
  const result = editing
    ? await send('PUT', `/api/campaigns/${encodeURIComponent(editing.id)}`, definition)
    : await send('POST', '/api/campaigns', definition);
  if (!result.ok) {
    const errors = result.body?.errors ?? [{ field: result.body?.field ?? 'body', error: result.body?.detail ?? 'The campaign could not be saved.' }];
    for (const e of errors) showError(e.field, e.error);
    return;
  }
  toast(editing ? 'Saved. An active campaign follows at once.' : 'Saved as a draft. Activate it when ready.');
  await loadList();
  await showResults(result.body.id);
}

function showError(field, message) {
  const box = $('form-error');
  box.hidden = false;
  box.append(el('div', {}, el('b', {}, field), ': ', message));
  // The most specific labelled part of the form that the field falls under.
  const holders = [...document.querySelectorAll('#editor [data-field]')]
    .filter(h => field === h.dataset.field || field.startsWith(h.dataset.field + '.') || field.startsWith(h.dataset.field + '['))
    .sort((a, b) => b.dataset.field.length - a.dataset.field.length);
  if (holders[0]) holders[0].classList.add('invalid');
}

function clearErrors() {
  $('form-error').hidden = true;
  $('form-error').replaceChildren();
  for (const node of document.querySelectorAll('#editor .invalid')) node.classList.remove('invalid');
}

function local(value) {
  if (!value) return '';
  const date = new Date(value);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function iso(value) { return value ? new Date(value).toISOString() : null; }

function capitalize(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

