// Small helpers shared by the dashboards: JSON calls, the hub connection and its status badge.

export async function getJson(path) {
  const response = await answered(await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }));
  return response.json();
}

export async function postJson(path, body) {
  const response = await answered(await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' }));
  return response.status === 204 ? null : response.json().catch(() => null);
}

// A signed-out user goes to sign in and comes back here; any other refusal throws its problem's detail.
async function answered(response) {
  if (response.status === 401) { location.href = '/signin?returnUrl=' + encodeURIComponent(location.pathname + location.search); }
  if (!response.ok) { const problem = await response.json().catch(() => ({})); throw new Error(problem.detail || response.statusText); }
  return response;
}

// One hub connection that reconnects by itself; onReady runs on the first start and after every
// reconnection, so a page re-joins its groups and re-reads what it may have missed.
export function connectHub(statusElement, onReady) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/engagement')
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(1000 * (ctx.previousRetryCount + 1), 5000) })
    .build();
  const show = (state, text) => { statusElement.className = 'status ' + state; statusElement.textContent = text; };
  connection.onreconnecting(() => show('reconnecting', 'Reconnecting…'));
  connection.onreconnected(async () => { show('live', 'Live'); await onReady(connection); });
  connection.onclose(() => { show('offline', 'Offline'); setTimeout(start, 2000); });
  async function start() {
    try {
      await connection.start();
      show('live', 'Live');
      await onReady(connection);
    } catch {
      show('offline', 'Offline');
      setTimeout(start, 2000);
    }
  }
  start();
  return connection;
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function toast(text) {
  const node = el('div', { class: 'toast', role: 'status' }, text);
  document.body.append(node);
  setTimeout(() => node.remove(), 2500);
}

export const labels = {
  stage: { prospect: 'Prospect', new: 'New', active: 'Active', atRisk: 'At risk', churned: 'Churned', wonBack: 'Won back' },
  tier: { high: 'High value', medium: 'Medium value', low: 'Low value' },
  nps: { promoter: 'Promoter', passive: 'Passive', detractor: 'Detractor' },
  segment: {
    priceDriven: 'Price-driven', valueDriven: 'Value-driven', loyal: 'Loyal', switcher: 'Switcher',
    multiBrandExplorer: 'Multi-brand explorer', store: 'Store', online: 'Online', omnichannel: 'Omnichannel',
  },
  customerKind: { individual: 'Individual', organization: 'Organisation' },
  // The channel segment alone, as on a customer's card where no heading says what "store" means.
  shopper: { store: 'Store shopper', online: 'Online shopper', omnichannel: 'Omnichannel' },
  kind: {
    serviceRecovery: 'Service recovery', retention: 'Retention', winBack: 'Win-back', crossSell: 'Cross-sell',
    upSell: 'Up-sell', referral: 'Referral', welcome: 'Welcome', feedbackRequest: 'Feedback request',
    loyaltyEnrolment: 'Loyalty enrolment', personalService: 'Personal service', campaignOffer: 'Campaign offer',
  },
};

// "campaignOffer" → "Campaign offer", for names no label table knows (a plug-in's action kind).
export function humanize(name) {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

// "today", "yesterday", "12 days ago".
export function daysAgo(days) {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

export function when(value) {
  if (!value) return '';
  const date = new Date(value);
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
