// One incident: what is happening (chart against the key's baseline), why (tier history with
// reasons and figures, signals), who (starter and follower chain, sample complaints) and what to
// do (playbook, acknowledge and resolve). It follows the change feed for this one incident.
import { follow, get, post } from './api.js';
import { h, show } from './dom.js';
import { hourlyChart } from './charts.js';
import { due, statusText, short, tickDeadlines } from './list.js';
import { t, tierName, phaseName, channelName, kindName, categoryName, playbook, formatTime, textLang } from './i18n.js';

export function incidentPage({ main, setLive }, id) {
  const stream = new AbortController();
  const body = h('div', { class: 'incident-page' }, h('p', {}, t('loading')));
  let message = null;
  let refreshing = null;
  show(main, h('p', {}, h('a', { href: '#/', class: 'back' }, t('back'))), body);

  async function load() {
    try {
      const incident = await get(`/api/board/incidents/${encodeURIComponent(id)}`);
      render(incident);
    } catch (e) {
      show(body, h('p', { class: 'error', role: 'alert' }, e.status === 404 ? t('notFound') : e.status === 403 ? t('forbidden') : t('failed', { why: e.message })));
    }
  }

  // Changes arrive at most once a second; a burst of them reloads once.
  function refresh() {
    refreshing ??= load().finally(() => { refreshing = null; });
  }

  function render(incident) {
    const s = incident.summary;
    const focusedId = document.activeElement?.id;
    const noteValue = body.querySelector('#note')?.value ?? '';
    show(body,
      h('header', { class: 'incident-head' },
        h('span', { class: `tier big tier-${s.tier}`, 'data-tier': s.tier }, tierName(s.tier)),
        h('h2', {}, s.key),
        h('dl', { class: 'facts' },
          fact(t('colPhase'), phaseName(s.phase)),
          fact(t('colParticipants'), String(s.participants)),
          fact(t('colChannels'), s.channels.map(channelName).join(', ')),
          fact(t('colDue'), due(s)),
          fact(t('colStatus'), statusText(s.status)),
          fact(t('colSeen'), `${formatTime(s.firstSeen)} – ${formatTime(s.lastSeen)}`),
          fact('id', `${s.id} · #${s.wave}`))),
      regrouping(incident),
      message,
      incident.can.act ? actions(incident) : null,
      section('playbook', t('playbook', { tier: s.tier }), h('p', { class: 'playbook' }, playbook(s.tier, incident.playbook))),
      section('chart', null, hourlyChart(incident.hourlyFrom, incident.hourlyByChannel, incident.baseline),
        h('p', { class: 'note' }, incident.baseline
          ? t('baselineFrom', { days: incident.baseline.days, daily: Math.round(incident.baseline.daily * 10) / 10 })
          : t('noBaseline'))),
      incident.deadlines.length ? section('deadlines', t('deadlines'), deadlines(incident.deadlines)) : null,
      section('history', t('history'), history(incident.history)),
      section('signals', t('signals'), signals(incident)),
      section('chain', t('chain'), chain(incident)),
      section('samples', t('samples'), samples(incident.samples)),
      section('audit', t('audit'), audit(incident.audit)),
      incident.earlierWaves.length ? section('earlier', t('earlier'), h('ul', {}, ...incident.earlierWaves.map(w =>
        h('li', {}, h('a', { href: `#/incidents/${encodeURIComponent(w.id)}` }, `#${w.wave} ${tierName(w.tier)}`), ` ${formatTime(w.firstSeen)} – ${formatTime(w.lastSeen)}`)))) : null);
    const note = body.querySelector('#note');
    if (note) note.value = noteValue;
    if (focusedId) document.getElementById(focusedId)?.focus();
  }

  function actions(incident) {
    const note = h('textarea', { id: 'note', rows: 2, placeholder: t('notePlaceholder') });
    const confirmBox = h('div', { class: 'confirm', hidden: true, role: 'group', 'aria-label': t('resolve') },
      h('p', {}, t('confirmResolve')),
      h('button', { type: 'button', id: 'confirm-resolve', class: 'danger', onclick: () => act('resolve') }, t('confirm')),
      h('button', { type: 'button', id: 'cancel-resolve', onclick: () => { confirmBox.hidden = true; document.getElementById('resolve').focus(); } }, t('cancel')));
    async function act(kind) {
      if (kind === 'resolve' && !note.value.trim()) {
        message = h('p', { class: 'error', role: 'alert' }, t('noteRequired'));
        body.querySelector('.message-slot')?.replaceWith(message);
        note.focus();
        return;
      }
      try {
        const summary = await post(`/api/incidents/${encodeURIComponent(id)}/${kind}`, { note: note.value.trim() || null });
        note.value = '';
        const fresh = await get(`/api/board/incidents/${encodeURIComponent(id)}`);
        const action = kind === 'resolve' ? fresh.resolved : fresh.acknowledged;
        message = h('p', { class: 'done', role: 'status', id: 'action-result' }, t('actionDone', {
          what: t(kind === 'resolve' ? 'resolvedWhat' : 'acknowledgedWhat'),
          tier: action?.tier ?? summary.tier, by: action?.by ?? '', at: formatTime(action?.at),
        }));
        render(fresh);
      } catch (e) {
        message = h('p', { class: 'error', role: 'alert' }, t('failed', { why: e.message }));
        render(await get(`/api/board/incidents/${encodeURIComponent(id)}`));
      }
    }
    const acknowledged = incident.summary.status === 'Acknowledged';
    return h('section', { class: 'actions', 'aria-labelledby': 'actions-title' },
      h('h3', { id: 'actions-title' }, t('actions')),
      h('label', { for: 'note' }, t('note')), note,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'acknowledge', disabled: acknowledged, onclick: () => act('acknowledge') }, t('acknowledge')),
        h('button', { type: 'button', id: 'resolve', onclick: () => { confirmBox.hidden = false; document.getElementById('confirm-resolve').focus(); } }, t('resolve'))),
      confirmBox,
      h('div', { class: 'message-slot' }));
  }

  const ticker = setInterval(() => tickDeadlines(body), 1000);
  load();
  follow(`/api/board/stream?status=all&id=${encodeURIComponent(id)}`, name => { if (name === 'changes') refresh(); }, setLive, stream.signal);
  return () => {
    stream.abort();
    clearInterval(ticker);
  };
}

const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];

function section(name, title, ...content) {
  return h('section', { class: `block ${name}`, 'aria-labelledby': title ? `${name}-title` : null },
    title ? h('h3', { id: `${name}-title` }, title) : null, ...content);
}

// Merges and splits an operator made, as links to the other incidents.
function regrouping(incident) {
  const link = id => h('a', { href: `#/incidents/${encodeURIComponent(id)}` }, id);
  const lines = [
    incident.mergedInto ? h('li', {}, t('mergedInto'), ' ', link(incident.mergedInto)) : null,
    incident.mergedFrom.length ? h('li', {}, t('mergedFrom'), ' ', ...incident.mergedFrom.flatMap((id, i) => (i ? [', ', link(id)] : [link(id)]))) : null,
    incident.splitFrom ? h('li', {}, t('splitFrom'), ' ', link(incident.splitFrom)) : null,
  ].filter(Boolean);
  return lines.length ? h('ul', { class: 'regrouping' }, ...lines) : null;
}

// Regulatory deadlines with their state as text, not only colour.
function deadlines(list) {
  return h('table', { class: 'deadlines' },
    h('thead', {}, h('tr', {}, ...['deadlineCase', 'deadlineRule', 'colDue', 'colStatus'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...list.map(d => h('tr', { class: `deadline-${d.status}` },
      h('td', {}, d.caseReference),
      h('td', {}, `${d.rule} · ${d.stage}`, d.fromRecord ? h('small', {}, ` (${t('deadlineFromRecord')})`) : null),
      h('td', {}, formatTime(d.dueAt)),
      h('td', {}, t(`deadline_${d.status}`))))));
}

function history(entries) {
  return h('ol', { class: 'timeline' }, ...[...entries].reverse().map(e => h('li', {},
    h('div', { class: 'when' }, formatTime(e.at)),
    h('div', {},
      h('strong', {}, kindName(e.kind)), ' ',
      h('span', { class: `tier tier-${e.fromTier}` }, e.fromTier), ' → ', h('span', { class: `tier tier-${e.toTier}` }, tierName(e.toTier)),
      e.fromPhase !== e.toPhase ? ` · ${phaseName(e.fromPhase)} → ${phaseName(e.toPhase)}` : ` · ${phaseName(e.toPhase)}`,
      h('ul', { class: 'reasons' }, ...e.reasons.map(r => h('li', {}, r))),
      h('small', {}, t('figures', { participants: e.participants, templated: e.templated }), ' · ', t('due', { time: formatTime(e.responseDue) }))))));
}

function signals(incident) {
  const s = incident.signals;
  return [
    h('dl', { class: 'facts signal-facts' },
      fact(t('mediaCustomers'), String(s.mediaCustomers)),
      fact(t('safetyCustomers'), String(s.safetyCustomers)),
      fact(t('regulatorCases'), s.regulatorCaseRefs.length ? `${s.regulatorCases}: ${s.regulatorCaseRefs.join(', ')}` : String(s.regulatorCases)),
      fact(t('professional'), String(s.professionalComplainers)),
      fact(t('peakHour'), String(s.peakHourCustomers)),
      fact(t('peakWindow'), String(s.peakWindowCustomers)),
      s.phaseReason ? fact(t('phaseReason'), s.phaseReason) : null),
    s.elevated.length ? h('p', {}, `${t('elevated')}: `, ...s.elevated.map(x => h('span', { class: 'signal' }, x))) : null,
    h('dl', { class: 'facts' },
      fact(t('counts'), Object.entries(incident.complaintsByChannel).map(([c, n]) => `${channelName(c)} ${n}`).join(' · ')),
      fact(t('categories'), Object.entries(incident.complaintsByCategory).map(([c, n]) => `${categoryName(c)} ${n}`).join(' · '))),
  ];
}

function chain(incident) {
  const total = incident.summary.participants;
  const who = p => (p.customerKey ? h('a', { href: `#/customers/${encodeURIComponent(p.customerKey)}`, class: 'customer-key', title: p.customerKey }, `${p.label} ${short(p.customerKey)}`) : p.label);
  return [
    h('p', { class: 'note' }, t('participantsShown', { n: incident.participants.length, total }), incident.can.seeCustomers ? '' : ` · ${t('customersHidden')}`),
    h('table', { class: 'participants' },
      h('thead', {}, h('tr', {}, ...['customer', 'channel', 'colSeen', 'followers'].map(k => h('th', { scope: 'col' }, k === 'followers' ? '' : t(k))))),
      h('tbody', {}, ...incident.participants.map(p => h('tr', { class: p.starter ? 'starter' : '' },
        h('td', {}, p.starter ? h('strong', {}, `${t('starter')} `) : null, who(p)),
        h('td', {}, channelName(p.channel)),
        h('td', {}, formatTime(p.firstAt)),
        h('td', {}, p.followers != null ? t('followers', { n: p.followers }) : '', p.followerOf ? h('small', { title: p.followerOf }, t('follows', { who: short(p.followerOf) })) : null))))),
    incident.chain.edges ? h('p', {}, t('chainEdges', { n: incident.chain.edges })) : null,
    h('ul', { class: 'edges' }, ...incident.chain.sample.map(e => h('li', {},
      t(e.via === 'repost' ? 'reposted' : 'replied', { follower: short(e.follower), leader: short(e.leader) }), ' ', h('small', {}, formatTime(e.at))))),
  ];
}

function samples(list) {
  if (!list.length) return h('p', {}, t('noSamples'));
  return [
    h('p', { class: 'note' }, t('samplesNote')),
    h('ul', { class: 'sample-list' }, ...list.map(s => h('li', { class: s.templated ? 'templated' : '' },
      h('div', { class: 'meta' }, s.customer.startsWith('cus-') ? short(s.customer) : s.customer, ' · ', channelName(s.channel), ' · ', formatTime(s.at), ' · ', categoryName(s.category),
        s.risks && s.risks !== 'None' ? h('span', { class: 'signal' }, s.risks) : null,
        s.templated ? h('span', { class: 'badge templated' }, t('templated')) : null),
      h('blockquote', { lang: textLang(s.text) }, s.text)))),
  ];
}

function audit(entries) {
  if (!entries.length) return h('p', {}, t('noAudit'));
  return h('ol', { class: 'audit-list' }, ...entries.map(e => h('li', {},
    h('span', { class: 'when' }, formatTime(e.at)), ' ', h('strong', {}, e.action),
    e.actor ? ` · ${e.actor}${e.role ? ` (${e.role})` : ''}` : '',
    e.reason ? h('q', {}, e.reason) : null)));
}
