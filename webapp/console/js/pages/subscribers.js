// Subscribers and domains: OpenSIPS's subscriber and domain tables (opensips-cp's "user management").
import * as api from '../api.js';
import { button, card, fail, form, h, load, select, table } from '../ui.js';

export default {
  title: 'Subscribers and domains',
  render(root) {
    const subscribers = h('div');
    const domains = h('div');
    const adding = h('div');
    const passwordEditor = h('div');

    async function reload() {
      let served = [];
      await Promise.all([
        load(domains, 'Domains', '/api/domains', () => api.get('domains'), (list) => {
          served = list;
          return table([['Domain', (d) => d], ['', (d) => h('div', { class: 'row-actions' }, button('Remove',
            async () => {
              if (confirm(`Remove the domain ${d}? (Domains of the configuration file stay.)`)) {
                await api.del(`domains/${api.segment(d)}`).catch(fail);
                reload();
              }
            }, 'danger'))]], list, 'No domains.');
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

    // a form of its own rather than prompt(), which would show the password as it is typed
    function changePassword(aor) {
      const element = form([{ label: `New password for ${aor}`, name: 'password', type: 'password', required: true }],
        'Set password', async ({ password }) => {
          await api.put(`subscribers/${api.segment(aor)}`, { password });
          passwordEditor.replaceChildren(h('p', { class: 'message ok' }, `The password of ${aor} is changed.`));
        }, { id: 'change-password' });
      element.append(button('Cancel', () => passwordEditor.replaceChildren()));
      passwordEditor.replaceChildren(element);
      element.elements.password.focus();
    }

    root.append(h('h1', {}, 'Subscribers and domains'),
      card('Subscribers', [button('Refresh', reload)], adding, passwordEditor, subscribers),
      card('Domains', [], form([{ label: 'Domain', name: 'domain', required: true, placeholder: 'example.com' }],
        'Add domain', async ({ domain }, element) => {
          await api.put(`domains/${api.segment(domain)}`);
          element.reset();
          reload();
        }, { id: 'add-domain' }), domains));
    reload();
  },
};
