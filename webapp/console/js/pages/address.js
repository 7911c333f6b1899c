// Address groups: OpenSIPS's permissions address table (address_dump, address_reload, get_source_group).
import * as api from '../api.js';
import { h } from '../ui.js';
import { rowEditor } from '../rows.js';

export default {
  title: 'Address groups',
  render(root) {
    rowEditor(root, {
      title: 'Address groups',
      resource: 'address',
      fields: [
        { name: 'grp', label: 'Group', type: 'number', required: true, size: 4 },
        { name: 'ip', label: 'IP', required: true, placeholder: '10.0.0.1' },
        { name: 'mask', label: 'Mask', type: 'number', placeholder: '32', size: 4 },
        { name: 'port', label: 'Port', type: 'number', placeholder: '0 (any)', size: 6 },
        { name: 'proto', label: 'Proto', options: ['any', 'udp', 'tcp', 'tls', 'sctp', 'ws', 'wss', 'none'] },
        { name: 'pattern', label: 'Pattern' },
        { name: 'context_info', label: 'Context info' },
      ],
      columns: [['Id', (r) => r.id], ['Group', (r) => r.grp], ['IP/mask', (r) => `${r.ip}/${r.mask}`],
        ['Port', (r) => r.port || 'any'], ['Proto', (r) => r.proto], ['Pattern', (r) => r.pattern ?? ''],
        ['Context info', (r) => r.context_info ?? '']],
      rowsOf: (rows) => rows,
      skippedOf: () => [],
      test: {
        title: 'Which group does a source fall in?',
        fields: [{ label: 'IP', name: 'ip', required: true, placeholder: '10.0.0.1' },
          { label: 'Port', name: 'port', type: 'number', placeholder: 'any', size: 6 },
          { label: 'Group', name: 'grp', type: 'number', placeholder: 'any', size: 4 }],
        async run({ ip, port, grp }) {
          const query = new URLSearchParams({ ip });
          if (port) query.set('port', port);
          if (grp) query.set('grp', grp);
          try {
            const row = await api.get(`address/match?${query}`);
            return h('p', { class: 'message ok' }, `Row ${row.id}, group ${row.grp}`,
              row.context_info ? ` (${row.context_info})` : '');
          } catch (error) {
            if (error.status === 404) {
              return h('p', { class: 'message' }, error.message);
            }
            throw error;
          }
        },
      },
    });
  },
};
