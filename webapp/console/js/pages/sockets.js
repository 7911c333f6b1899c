// Socket policy: the listeners, the socket rules in the order they are tried, and the decisions per reason
// (OpenSIPS's list_sockets and mhomed).
import * as api from '../api.js';
import { card, h, load, refresher, table } from '../ui.js';

export default {
  title: 'Socket policy',
  render(root, page) {
    const content = h('div');

    const reload = () => load(content, 'Socket policy', '/api/sockets', () => api.get('sockets'), (sockets) =>
      h('div', {},
        h('h3', {}, 'Listeners'),
        table([['Name', (l) => l.name], ['Socket', (l) => l.socket], ['Shown to peers as', (l) => l.shown],
          ['', (l) => (l.isDefault ? 'default (socket.default)' : '')]], sockets.listeners),
        h('h3', {}, 'Socket rules (tried in this order; first match wins)'),
        table([['Rule', (r) => r.name], ['Leaves through', (r) => r.socket ?? '–'],
          ['Next hop', (r) => r.destination ?? '–']], sockets.rules,
        'No socket rules: the registration\'s listener, the kernel\'s route, then the default decide.'),
        h('h3', {}, 'Decisions since start'),
        table([['Reason', ([reason]) => reason], ['Count', ([, count]) => count]],
          Object.entries(sockets.decisions), 'No request decided yet.')));

    root.append(h('h1', {}, 'Socket policy'), card('Listeners, rules and decisions', refresher(page, reload), content));
    reload();
  },
};
