// The incident list: one page of the board, filtered by status, tier, channel and subject text,
// kept live by the server's change feed (only changed lines arrive, at most once a second).
import { follow } from './api.js';
import { h, show } from './dom.js';
import { sparkline } from './charts.js';
import { t, tierName, phaseName, channelName, formatTime, formatDuration } from './i18n.js';

const tiers = ['T4', 'T3', 'T2', 'T1', 'T0'];
const channels = ['Phone', 'Email', 'Social', 'Regulator'];
const pageSize = 50;

export function listPage({ me, main, setLive, params }) {
  const filter = {
    status: params.get('status') || 'open',
    tiers: new Set((params.get('tier') || '').split(',').filter(Boolean)),
    channel: params.get('channel') || '',
    q: params.get('q') || '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const showCustomers = me.role === 'operator' || me.role === 'admin';
  const rows = new Map();
  const tbody = h('tbody', {});
  const counts = h('ul', { class: 'tier-counts', 'aria-label': t('openByTier') });
  const pager = h('nav', { class: 'pager', 'aria-label': t('incidents') });
  const empty = h('p', { class: 'empty', hidden: true }, t('none'));
  let stream = null;
  let state = { total: 0, page: 1, order: [] };

  const statusSelect = h('select', { id: 'f-status', onchange: () => { filter.status = statusSelect.value; changed(); } },
    ...['open', 'closed', 'all'].map(s => h('option', { value: s, selected: filter.status === s }, t(`status${s[0].toUpperCase()}${s.slice(1)}`))));
  const tierBoxes = tiers.map(tier => h('label', { class: `check tier-${tier}` },
    h('input', { type: 'checkbox', value: tier, checked: filter.tiers.has(tier), onchange: e => {
      e.target.checked ? filter.tiers.add(tier) : filter.tiers.delete(tier);
      changed();
    } }), tierName(tier)));
  const channelSelect = h('select', { id: 'f-channel', onchange: () => { filter.channel = channelSelect.value; changed(); } },
    h('option', { value: '' }, t('anyChannel')),
    ...channels.map(c => h('option', { value: c, selected: filter.channel === c }, channelName(c))));
  let typing;
  const search = h('input', { id: 'f-q', type: 'search', value: filter.q, placeholder: t('subjectPlaceholder'), oninput: () => {
    clearTimeout(typing);
    typing = setTimeout(() => { filter.q = search.value.trim(); changed(); }, 300);
  } });

  show(main,
    h('h2', { class: 'visually-hidden' }, t('incidents')),
    counts,
    h('form', { class: 'filters', 'aria-label': t('filters'), onsubmit: e => e.preventDefault() },
      h('div', {}, h('label', { for: 'f-status' }, t('status')), statusSelect),
      h('fieldset', {}, h('legend', {}, t('tier')), ...tierBoxes),
      h('div', {}, h('label', { for: 'f-channel' }, t('channel')), channelSelect),
      h('div', {}, h('label', { for: 'f-q' }, t('subject')), search),
      h('button', { type: 'button', class: 'link', onclick: () => { location.hash = '#/'; } }, t('clear'))),
    h('div', { class: 'table-wrap' },
      h('table', { class: 'board' },
        h('thead', {}, h('tr', {}, ...['tier', 'colIncident', 'colPhase', 'colParticipants', 'colChannels', 'colTrend', 'colStarter', 'colSeen', 'colDue', 'colStatus']
          .map(key => h('th', { scope: 'col' }, t(key))))),
        tbody)),
    empty,
    pager);

  function query() {
    const q = new URLSearchParams();
    if (filter.status !== 'open') q.set('status', filter.status);
    if (filter.tiers.size) q.set('tier', [...filter.tiers].join(','));
    if (filter.channel) q.set('channel', filter.channel);
    if (filter.q) q.set('q', filter.q);
    if (filter.page > 1) q.set('page', filter.page);
    return q;
  }

  // A filter change keeps the page (and the focus) and only restarts the stream.
  function changed(keepPage = false) {
    if (!keepPage) filter.page = 1;
    const q = query().toString();
    history.replaceState(null, '', `#/${q ? `?${q}` : ''}`);
    connect();
  }

  function connect() {
    stream?.abort();
    stream = new AbortController();
    const q = query();
    q.set('pageSize', pageSize);
    follow(`/api/board/stream?${q}`, (name, data) => (name === 'snapshot' ? snapshot(data) : apply(data)), setLive, stream.signal);
  }

  function snapshot(data) {
    rows.clear();
    tbody.replaceChildren();
    apply(data);
  }

  function apply(data) {
    for (const id of data.removed) {
      rows.get(id)?.remove();
      rows.delete(id);
    }
    for (const item of data.upserts) {
      const known = rows.get(item.id);
      const row = known ?? h('tr', { 'data-id': item.id });
      fillRow(row, item);
      if (known) flash(row);
      rows.set(item.id, row);
    }
    order(data.order);
    state = data;
    renderCounts(data.openByTier);
    renderPager();
    empty.hidden = data.order.length > 0;
  }

  // Moves only rows that are out of place, and gives focus back if a move took it away.
  function order(ids) {
    const focused = document.activeElement;
    ids.forEach((id, index) => {
      const row = rows.get(id);
      if (row && tbody.children[index] !== row) tbody.insertBefore(row, tbody.children[index] ?? null);
    });
    if (focused && focused !== document.activeElement && document.contains(focused)) focused.focus();
  }

  function fillRow(row, item) {
    const hadFocus = row.contains(document.activeElement);
    row.dataset.tier = item.tier;
    row.dataset.status = item.status;
    row.className = `tier-row tier-${item.tier}`;
    const link = h('a', { href: `#/incidents/${encodeURIComponent(item.id)}`, class: 'incident-link' }, item.key);
    const starter = item.starter;
    row.replaceChildren(
      h('td', {}, h('span', { class: `tier tier-${item.tier}` }, tierName(item.tier))),
      h('td', { class: 'incident' }, link, h('small', {}, `${item.id} · #${item.wave}`)),
      h('td', {}, phaseName(item.phase)),
      h('td', { class: 'num' }, String(item.participants), h('small', {}, `${item.complaints} / ${item.contacts}`)),
      h('td', {}, h('ul', { class: 'channels' }, ...item.channels.map(c => h('li', { class: `ch ch-${c.toLowerCase()}` }, channelName(c))))),
      h('td', {}, sparkline(item.hourly)),
      h('td', {}, starter ? [
        channelName(starter.channel), h('small', {}, formatTime(starter.at)),
        starter.customerKey ? h('a', { href: `#/customers/${encodeURIComponent(starter.customerKey)}`, class: 'customer-key' }, short(starter.customerKey)) : null,
      ] : '—'),
      h('td', {}, formatTime(item.firstSeen), h('small', {}, formatTime(item.lastSeen))),
      h('td', {}, due(item)),
      h('td', {}, statusText(item.status)));
    if (hadFocus) link.focus();
  }

  function renderCounts(openByTier) {
    show(counts, ...tiers.map(tier => h('li', {},
      h('button', { type: 'button', class: `tier tier-${tier}`, 'aria-pressed': String(filter.tiers.has(tier)), onclick: () => {
        filter.tiers.has(tier) ? filter.tiers.delete(tier) : filter.tiers.add(tier);
        tierBoxes.find(b => b.querySelector('input').value === tier).querySelector('input').checked = filter.tiers.has(tier);
        changed();
      } }, `${tierName(tier)}: ${openByTier?.[tier] ?? 0}`))));
  }

  function renderPager() {
    const pages = Math.max(1, Math.ceil(state.total / (state.pageSize || pageSize)));
    show(pager,
      h('button', { type: 'button', disabled: filter.page <= 1, onclick: () => { filter.page--; changed(true); } }, t('prev')),
      h('span', { class: 'page-of' }, t('page', { page: filter.page, pages, total: state.total, noun: state.total === 1 ? 'incident' : 'incidents' })),
      h('button', { type: 'button', disabled: filter.page >= pages, onclick: () => { filter.page++; changed(true); } }, t('next')));
  }

  const ticker = setInterval(() => tickDeadlines(main), 1000);
  connect();
  return () => {
    stream?.abort();
    clearInterval(ticker);
    clearTimeout(typing);
  };
}

/** The response deadline as a live countdown (or how long ago it passed). */
export function due(item) {
  if (!item.responseDue || item.status === 'Resolved' || item.status === 'Closed') return h('span', { class: 'due' }, '—');
  const cell = h('span', { class: 'due', 'data-due': item.responseDue, 'data-ack': String(item.status === 'Acknowledged') });
  updateDue(cell);
  return cell;
}

export function tickDeadlines(root) {
  root.querySelectorAll('[data-due]').forEach(updateDue);
}

function updateDue(cell) {
  const left = new Date(cell.dataset.due).getTime() - Date.now();
  cell.textContent = left < 0 ? t('overdue', { time: formatDuration(left) }) : t('inTime', { time: formatDuration(left) });
  cell.classList.toggle('overdue', left < 0 && cell.dataset.ack !== 'true');
  cell.title = formatTime(cell.dataset.due);
}

export function statusText(status) {
  const text = { Acknowledged: t('acknowledged'), Open: t('notAcknowledged'), Resolved: t('resolved'), Closed: t('closed') }[status] ?? status;
  return h('span', { class: `status status-${status.toLowerCase()}` }, text);
}

export const short = key => (key.length > 14 ? `${key.slice(0, 12)}…` : key);

function flash(row) {
  row.classList.remove('flash');
  void row.offsetWidth;
  row.classList.add('flash');
}
