// Dashboard: what the router is and does now. Requests per second come from two samples of core:rcv_requests
// (OpenSIPS's statistic) taken one refresh apart.
import * as api from '../api.js';
import { card, duration, h, load, refresher, table } from '../ui.js';

const STATISTICS = 'statistics?name=core:&name=tm:&name=usrloc:';

export default {
  title: 'Dashboard',
  render(root, page) {
    let previous = null;
    const router = h('div');
    const traffic = h('div');
    const listeners = h('div');
    const errors = h('div');

    async function reload() {
      await Promise.all([
        load(router, 'Version and uptime', '/api/status', () => api.get('status'), status),
        load(traffic, 'Statistics', '/api/statistics', async () => ({ statistics: await api.get(STATISTICS),
          at: performance.now() }), (sample) => {
          const shown = trafficTiles(sample, previous);
          previous = sample;
          return shown;
        }),
        load(listeners, 'Listeners', '/api/sockets', () => api.get('sockets'), (sockets) =>
          table([['Name', (l) => l.name], ['Address', (l) => l.socket], ['Shown to peers as', (l) => l.shown],
            ['', (l) => (l.isDefault ? 'default' : '')]], sockets.listeners, 'No listeners.')),
        load(errors, 'Recent errors', '/api/errors', () => api.get('errors'), recentErrors),
      ]);
    }

    root.append(h('h1', {}, 'Dashboard'),
      card('Router', refresher(page, reload), router),
      card('Traffic', [], traffic),
      card('Listeners', [], listeners),
      card('Recent warnings and errors', [], errors));
    // the rate needs two samples: the second comes a second after the first, not a whole refresh later
    reload().then(() => {
      const second = setTimeout(reload, 1000);
      page.onLeave(() => clearTimeout(second));
    });
  },
};

function status(s) {
  return h('div', { class: 'tiles' },
    tile('Version', s.version),
    tile('Up for', duration(s.uptime_seconds), s.started ? `since ${new Date(s.started).toLocaleString()}` : ''));
}

function trafficTiles({ statistics, at }, previous) {
  const tiles = [tile('Registered users', statistics['usrloc:registered_users'],
    `${statistics['usrloc:location-contacts']} contacts`)];
  const received = statistics['core:rcv_requests'];
  let rate = 'measuring…';
  if (previous) {
    const seconds = (at - previous.at) / 1000;
    rate = (Math.max(0, received - previous.statistics['core:rcv_requests']) / seconds).toFixed(1);
  }
  tiles.push(tile('Active transactions', statistics['tm:inuse_transactions'] ?? '–'),
    tile('Requests per second', rate, `${received} received in all`));
  return h('div', { class: 'tiles' }, tiles);
}

function tile(label, value, note = '') {
  return h('div', { class: 'tile' }, h('div', { class: 'tile-label' }, label),
    h('div', { class: 'tile-value' }, value ?? '–'), note ? h('div', { class: 'muted' }, note) : null);
}

function recentErrors(events) {
  return table([['Time', (e) => h('span', { class: 'nowrap' }, new Date(e.time).toLocaleString())], ['Level', (e) => h('span',
    { class: `level ${e.level}` }, e.level)], ['Logger', (e) => e.logger], ['Message', (e) => [e.message,
    e.thrown ? h('div', {}, h('code', {}, e.thrown)) : null]]],
  [...events].reverse(), 'No warnings or errors since the router started.');
}
