// One customer, for operators: identifiers masked (an admin may reveal them, with a reason that
// goes to the audit log), role, contacts across channels, and open complaints with their step
// and the deadline of the incident they belong to.
import { get, post } from './api.js';
import { h, show } from './dom.js';
import { due, statusText } from './list.js';
import { t, tierName, channelName, customerRoleName, stageName, formatTime } from './i18n.js';

export function customerPage({ me, main }, key) {
  const body = h('div', { class: 'customer-page' }, h('p', {}, t('loading')));
  show(main, h('p', {}, h('a', { href: '#/', class: 'back' }, t('back'))), body);
  let revealed = null;

  async function load() {
    try {
      const customer = await get(`/api/customers/${encodeURIComponent(key)}`);
      const incidents = await incidentsOf(customer);
      render(customer, incidents);
    } catch (e) {
      show(body, h('p', { class: 'error', role: 'alert' }, e.status === 404 ? t('notFound') : e.status === 403 ? t('forbidden') : t('failed', { why: e.message })));
    }
  }

  function render(customer, incidents) {
    const open = customer.history.filter(c => c.stage !== 'FollowedUp');
    const identifiers = revealed ?? customer.identifiers ?? [];
    show(body,
      h('h2', {}, `${t('customer')} `, h('code', {}, customer.key)),
      h('dl', { class: 'facts' },
        [h('dt', {}, t('customerRole')), h('dd', {}, h('span', { class: `role role-${customer.role}` }, customerRoleName(customer.role)))],
        [h('dt', {}, t('identifiers')), h('dd', {}, identifiers.length
          ? h('ul', { class: 'identifiers' }, ...identifiers.map(i => h('li', {}, `${i.kind}: `, h('code', {}, i.value ?? i.masked))))
          : '—')],
        ...linked(customer),
        [h('dt', {}, t('contacts')), h('dd', {}, Object.entries(customer.complaintsByChannel).map(([c, n]) => `${channelName(c)} ${n}`).join(' · ') || '—')],
        [h('dt', {}, t('colSeen')), h('dd', {}, `${formatTime(customer.firstSeen)} – ${formatTime(customer.lastSeen)}`)]),
      h('p', { class: 'note' }, t('repeat', { n: customer.repeatContacts }), ' · ', t('redeliveries', { n: customer.redeliveries })),
      me.role === 'admin' && !revealed ? reveal() : null,
      h('h3', {}, t('complaintsOpen')),
      complaints(open, incidents),
      customer.history.length > open.length ? [h('h3', {}, t('complaintsAll')), complaints(customer.history, incidents)] : null);

    function reveal() {
      const reason = h('input', { id: 'reveal-reason', type: 'text', required: true });
      const error = h('p', { class: 'error', role: 'alert' });
      return h('form', { class: 'reveal', onsubmit: async event => {
        event.preventDefault();
        if (!reason.value.trim()) {
          error.textContent = t('revealNeedsReason');
          return;
        }
        try {
          const answer = await post(`/api/customers/${encodeURIComponent(key)}/reveal`, { reason: reason.value.trim() });
          revealed = answer.identifiers ?? answer;
          render(customer, incidents);
        } catch (e) {
          error.textContent = t('failed', { why: e.message });
        }
      } },
      h('label', { for: 'reveal-reason' }, t('revealReason')), reason, h('button', { type: 'submit' }, t('revealGo')), error);
    }
  }

  load();
  return () => {};
}

// Keys linked to this customer, the one it is linked to, and those an operator separated from it.
function linked(customer) {
  const keys = list => h('ul', { class: 'identifiers' }, ...list.map(k => h('li', {}, h('a', { href: `#/customers/${encodeURIComponent(k)}`, class: 'customer-key' }, k))));
  return [
    customer.aliasOf ? [h('dt', {}, t('aliasOf')), h('dd', {}, keys([customer.aliasOf]))] : null,
    customer.aliases?.length ? [h('dt', {}, t('aliases')), h('dd', {}, keys(customer.aliases))] : null,
    customer.unlinked?.length ? [h('dt', {}, t('unlinked')), h('dd', {}, keys(customer.unlinked))] : null,
  ].filter(Boolean);
}

function complaints(list, incidents) {
  if (!list.length) return h('p', {}, t('noComplaints'));
  return h('table', { class: 'complaints' },
    h('thead', {}, h('tr', {}, ...['incidentKey', 'colChannels', 'firstLast', 'stage', 'deadline'].map(k => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, ...[...list].reverse().map(c => {
      const incident = incidents.get(c.incidentKey);
      return h('tr', {},
        h('td', {}, incident ? [h('a', { href: `#/incidents/${encodeURIComponent(incident.id)}` }, c.incidentKey), ' ', h('span', { class: `tier tier-${incident.tier}` }, tierName(incident.tier))] : c.incidentKey),
        h('td', {}, c.channels.map(channelName).join(' → '), h('small', {}, `×${c.contacts}`)),
        h('td', {}, formatTime(c.firstAt), h('small', {}, formatTime(c.lastAt))),
        h('td', {}, stageName(c.stage)),
        h('td', {}, incident ? [due(incident), ' ', statusText(incident.status)] : '—'));
    })));
}

/** The current incident of each key the customer complained about, for its tier and deadline. */
async function incidentsOf(customer) {
  const keys = [...new Set(customer.history.map(c => c.incidentKey))].slice(0, 20);
  const found = new Map();
  await Promise.all(keys.map(async key => {
    const page = await get(`/api/board?status=all&pageSize=20&q=${encodeURIComponent(key)}`).catch(() => null);
    const match = page?.items.filter(i => i.key === key).sort((a, b) => b.wave - a.wave)[0];
    if (match) found.set(key, match);
  }));
  return found;
}
