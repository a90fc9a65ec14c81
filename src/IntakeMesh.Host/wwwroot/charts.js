// SVG drawn by hand: the board's 48-hour sparkline and the incident page's hourly chart.
import { t, channelName, formatHour, formatTime } from './i18n.js';
import { h, svg } from './dom.js';

const channelOrder = ['Phone', 'Email', 'Social', 'Regulator'];

/** A small line of complaints per hour, oldest left; its label says the total and the peak. */
export function sparkline(hourly) {
  const values = hourly?.length ? hourly : new Array(48).fill(0);
  const width = 120, height = 28, peak = Math.max(1, ...values);
  const total = values.reduce((a, b) => a + b, 0);
  const x = i => (i * (width - 2)) / (values.length - 1) + 1;
  const y = v => height - 2 - (v * (height - 4)) / peak;
  const line = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const label = t('sparkline', { total, peak: Math.max(0, ...values) });
  return svg('svg', { class: 'sparkline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label },
    svg('title', {}, label),
    svg('polygon', { class: 'spark-area', points: `${x(0)},${height - 2} ${line} ${x(values.length - 1)},${height - 2}` }),
    svg('polyline', { class: 'spark-line', points: line }));
}

/**
 * Stacked bars of complaints per hour by channel over 48 hours, with the key's usual hour and
 * usual busiest hour as dashed lines; a table of the same numbers follows for screen readers
 * and anyone who prefers figures.
 */
export function hourlyChart(from, byChannel, baseline) {
  const channels = channelOrder.filter(c => byChannel?.[c]);
  const hours = 48;
  const totals = Array.from({ length: hours }, (_, i) => channels.reduce((sum, c) => sum + (byChannel[c][i] ?? 0), 0));
  const lines = baseline ? [baseline.perHour, baseline.peakHour] : [];
  const top = Math.max(1, ...totals, ...lines) * 1.15;
  const width = 720, height = 240, left = 36, right = 8, topPad = 10, bottom = 28;
  const plotW = width - left - right, plotH = height - topPad - bottom, barW = plotW / hours;
  const y = v => topPad + plotH - (v * plotH) / top;
  const start = from ? new Date(from).getTime() : Date.now() - hours * 3600e3;
  const peak = Math.max(0, ...totals);
  const label = t('chartAria', { from: formatTime(start), total: totals.reduce((a, b) => a + b, 0), peak });

  const parts = [svg('title', {}, label)];
  for (const tick of niceTicks(top)) {
    parts.push(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(tick), y2: y(tick) }));
    parts.push(svg('text', { class: 'axis', x: left - 4, y: y(tick) + 4, 'text-anchor': 'end' }, String(tick)));
  }
  for (let i = 0; i < hours; i++) {
    let base = 0;
    for (const c of channels) {
      const v = byChannel[c][i] ?? 0;
      if (v > 0) {
        parts.push(svg('rect', { class: `bar ch-${c.toLowerCase()}`, x: left + i * barW + 1, y: y(base + v), width: Math.max(1, barW - 2), height: y(base) - y(base + v) },
          svg('title', {}, `${formatHour(start + i * 3600e3)} ${channelName(c)}: ${v}`)));
      }
      base += v;
    }
    if (i % 6 === 0) {
      parts.push(svg('text', { class: 'axis', x: left + i * barW, y: height - 8 }, formatHour(start + i * 3600e3)));
    }
  }
  if (baseline) {
    parts.push(svg('line', { class: 'baseline hour', x1: left, x2: width - right, y1: y(baseline.perHour), y2: y(baseline.perHour) }));
    parts.push(svg('line', { class: 'baseline peak', x1: left, x2: width - right, y1: y(baseline.peakHour), y2: y(baseline.peakHour) }));
  }

  const legend = h('ul', { class: 'legend' },
    ...channels.map(c => h('li', {}, h('span', { class: `swatch ch-${c.toLowerCase()}`, 'aria-hidden': 'true' }), channelName(c))),
    ...(baseline ? [
      h('li', {}, h('span', { class: 'swatch baseline-hour', 'aria-hidden': 'true' }), t('baselineHour', { value: round(baseline.perHour) })),
      h('li', {}, h('span', { class: 'swatch baseline-peak', 'aria-hidden': 'true' }), t('baselinePeak', { value: round(baseline.peakHour) })),
    ] : []));

  const rows = [];
  for (let i = 0; i < hours; i++) {
    if (totals[i] > 0) {
      rows.push(h('tr', {}, h('th', { scope: 'row' }, formatTime(start + i * 3600e3)),
        ...channels.map(c => h('td', {}, String(byChannel[c][i] ?? 0))), h('td', {}, String(totals[i]))));
    }
  }
  const table = h('details', {}, h('summary', {}, t('showTable')),
    h('table', { class: 'figures' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('hour')), ...channels.map(c => h('th', { scope: 'col' }, channelName(c))), h('th', { scope: 'col' }, t('total')))),
      h('tbody', {}, ...rows)));

  return h('figure', { class: 'chart' },
    h('figcaption', {}, t('chartTitle')),
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'hourly' }, ...parts),
    legend, table);
}

function niceTicks(top) {
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find(s => top / s <= 5) ?? Math.ceil(top / 5);
  const ticks = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

const round = v => (Math.round(v * 10) / 10).toString();
