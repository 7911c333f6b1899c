// Location: the contact store's bindings (OpenSIPS's ul_dump), one row per contact; ul_rm_contact removes one.
import * as api from '../api.js';
import { button, card, duration, fail, h, load, refresher, table } from '../ui.js';

export default {
  title: 'Location',
  render(root, page) {
    const bindings = h('div');

    const reload = () => load(bindings, 'Location', '/api/location', () => api.get('location'), (location) => {
      const rows = Object.entries(location).flatMap(([aor, list]) => list.map((binding) => ({ aor, ...binding })));
      return table([
        ['User', (b) => b.aor],
        ['Contact', (b) => h('code', {}, b.contact)],
        ['Listener', (b) => b.socket ?? '–'],
        ['Source', (b) => b.received ?? '–'],
        ['User agent', (b) => b.userAgent ?? '–'],
        ['q', (b) => b.q],
        ['Expires in', (b) => duration(b.expires)],
        ['', (b) => button('Remove', async () => {
          if (confirm(`Remove the binding ${b.contact} of ${b.aor}?`)) {
            await api.del(`location/${api.segment(b.aor)}?contact=${encodeURIComponent(b.contact)}`).catch(fail);
            reload();
          }
        }, 'danger')],
      ], rows, 'No phone is registered.');
    });

    root.append(h('h1', {}, 'Location'), card('Registered contacts', refresher(page, reload), bindings));
    reload();
  },
};
