// Subscribers and domains: OpenSIPS's subscriber and domain tables (opensips-cp's "user management").
import * as api from '../api.js';
import { button, card, fail, form, h, load, select, table } from '../ui.js';

export default {
  title: 'Subscribers and domains',
  render(root) {
    const subscribers = h('div');
    const domains = h('div');
    const adding = h('div');

    async function reload() {
      let served = [];
      await Promise.all([
        load(domains, 'Domains', '/api/domains', () => api.get('domains'), (list) => {
          served = list;
          return table([['Domain', (d) => d], ['', (d) => button('Remove', async () => {
            if (confirm(`Remove the domain ${d}? (Domains of the configuration file stay.)`)) {
              await api.del(`domains/${api.segment(d)}`).catch(fail);
              reload();
            }
          }, 'danger')]], list, 'No domains.');
        }),
        load(subscribers, 'Subscribers', '/api/subscribers', () => api.get('subscribers'), (list) =>
          table([['Address of record', (aor) => aor], ['', (aor) => h('div', { class: 'row-actions' },
            button('Change password', () => changePassword(aor)),
            button('Remove', async () => {
              if (confirm(`Remove the subscriber ${aor}?`)) {
                await api.del(`subscribers/${api.segment(aor)}`).catch(fail);
                reload();
              }
            }, 'danger'))]], list, 'No subscribers yet: add one above.')),
      ]);
      adding.replaceChildren(form([
        { label: 'User', name: 'user', required: true, placeholder: 'alice' },
        { label: 'Domain', input: select('domain', served.map((d) => [d]), served[0]) },
        { label: 'Password', name: 'password', type: 'password', required: true },
      ], 'Add subscriber', async ({ user, domain, password }, element) => {
        await api.put(`subscribers/${api.segment(`${user}@${domain}`)}`, { password });
        element.reset();
        reload();
      }, { id: 'add-subscriber' }));
    }

    function changePassword(aor) {
      const password = prompt(`New password for ${aor}:`);
      if (password) {
        api.put(`subscribers/${api.segment(aor)}`, { password }).then(reload, fail);
      }
    }

    root.append(h('h1', {}, 'Subscribers and domains'),
      card('Subscribers', [button('Refresh', reload)], adding, subscribers),
      card('Domains', [], form([{ label: 'Domain', name: 'domain', required: true, placeholder: 'example.com' }],
        'Add domain', async ({ domain }, element) => {
          await api.put(`domains/${api.segment(domain)}`);
          element.reset();
          reload();
        }, { id: 'add-domain' }), domains));
    reload();
  },
};
