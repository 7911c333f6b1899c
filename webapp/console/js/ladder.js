// A call's messages as a ladder diagram (SVG): one vertical line per address, one arrow per message in time order.
// Clicking an arrow shows the message's text.

const SVG = 'http://www.w3.org/2000/svg';
const COLUMN = 220;
const ROW = 34;
const TOP = 46;

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/**
 * messages: [{time, direction, transport, source, destination, method, status, text}], status 0 for a request and
 * method a response's CSeq method; onSelect(message).
 */
export function ladder(messages, onSelect) {
  const hosts = [];
  messages.forEach((m) => [m.source, m.destination].forEach((host) => hosts.includes(host) || hosts.push(host)));
  const x = (host) => COLUMN / 2 + hosts.indexOf(host) * COLUMN;
  const height = TOP + messages.length * ROW + 20;
  const root = svg('svg', { width: hosts.length * COLUMN, height, class: 'ladder', role: 'img',
    'aria-label': 'ladder diagram' });
  root.append(svg('defs', {}));
  root.firstChild.append(arrowHead());
  hosts.forEach((host) => {
    root.append(svg('text', { x: x(host), y: 18, class: 'host' }, host));
    root.append(svg('line', { x1: x(host), y1: 28, x2: x(host), y2: height - 10, class: 'lifeline' }));
  });
  const start = messages.length ? Date.parse(messages[0].time) : 0;
  messages.forEach((message, i) => {
    const y = TOP + i * ROW;
    const from = x(message.source);
    const to = x(message.destination);
    const request = !message.status;
    const label = request ? message.method : `${message.status} (${message.method})`;
    const group = svg('g', { class: `message ${request ? 'request' : 'response'}`, tabindex: 0 });
    group.append(svg('line', { x1: from, y1: y, x2: to, y2: y, 'marker-end': 'url(#arrow)' }));
    group.append(svg('text', { x: (from + to) / 2, y: y - 6, class: 'label' },
      `${label} (${message.transport ?? ''})`));
    group.append(svg('text', { x: 4, y: y + 4, class: 'time' }, `+${((Date.parse(message.time) - start) / 1000)
      .toFixed(3)} s`));
    // a wide transparent line, so that an arrow is easy to click
    group.append(svg('line', { x1: from, y1: y, x2: to, y2: y, class: 'hit' }));
    group.addEventListener('click', () => {
      root.querySelectorAll('.selected').forEach((selected) => selected.classList.remove('selected'));
      group.classList.add('selected');
      onSelect(message);
    });
    root.append(group);
  });
  return root;
}

function arrowHead() {
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9,
    markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }));
  return marker;
}
