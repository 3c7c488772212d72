// A bar chart of occupancy drawn as SVG: one bar a night, a line at today, with a text table for screen readers.
import { h } from './ui.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const child of children) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/** nights: [{date, occupancy}] (0..1+); today: the business date, drawn apart (past nights are hatched). */
export function occupancyChart(title, nights, today) {
  const width = 900;
  const height = 220;
  const left = 40;
  const bottom = 30;
  const plot = height - bottom - 10;
  const step = (width - left - 10) / Math.max(1, nights.length);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'occ-title occ-desc', class: 'chart' });
  const average = nights.length ? nights.reduce((s, n) => s + Number(n.occupancy), 0) / nights.length : 0;
  root.append(svg('title', { id: 'occ-title' }, title),
    svg('desc', { id: 'occ-desc' }, `Average ${(average * 100).toFixed(0)} percent over ${nights.length} nights; past nights are hatched.`));
  const defs = svg('defs', {}, svg('pattern', { id: 'past', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    svg('rect', { width: 6, height: 6, class: 'past-bg' }), svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'past-line' })));
  root.append(defs);
  for (const pct of [0, 0.5, 1]) {
    const y = 10 + plot * (1 - pct);
    root.append(svg('line', { x1: left, x2: width - 10, y1: y, y2: y, class: 'gridline' }),
      svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'axis' }, `${pct * 100}%`));
  }
  nights.forEach((n, i) => {
    const value = Math.min(1.2, Number(n.occupancy));
    const barHeight = plot * Math.min(1, value);
    const x = left + i * step + 1;
    const past = n.date < today;
    root.append(svg('rect', { x, y: 10 + plot - barHeight, width: Math.max(1, step - 2), height: barHeight,
      class: past ? 'bar-past' : (n.date === today ? 'bar-today' : 'bar-future'), 'data-date': n.date },
      svg('title', {}, `${n.date}: ${(Number(n.occupancy) * 100).toFixed(0)}%`)));
    if (i % 5 === 0) {
      root.append(svg('text', { x: x + step / 2, y: height - 10, 'text-anchor': 'middle', class: 'axis' }, n.date.slice(5)));
    }
  });
  const todayIndex = nights.findIndex(n => n.date === today);
  if (todayIndex >= 0) {
    const x = left + todayIndex * step;
    root.append(svg('line', { x1: x, x2: x, y1: 4, y2: 10 + plot, class: 'today-line' }),
      svg('text', { x: x + 4, y: 12, class: 'axis' }, 'today'));
  }
  const details = h('details', { class: 'chart-table' }, h('summary', {}, 'Occupancy as a table'),
    h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Night'), h('th', { scope: 'col' }, 'Occupancy'))),
      h('tbody', {}, nights.map(n => h('tr', {}, h('td', {}, n.date), h('td', { class: 'num' }, `${(Number(n.occupancy) * 100).toFixed(1)}%`))))));
  return h('figure', { class: 'chart-figure' }, root, h('figcaption', {}, title), details);
}
