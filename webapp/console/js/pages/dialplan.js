// Dialplan: OpenSIPS's dialplan table (dp_reload, dp_translate), rules by set, priority and id.
import * as api from '../api.js';
import { h, table } from '../ui.js';
import { rowEditor } from '../rows.js';

export default {
  title: 'Dialplan',
  render(root) {
    rowEditor(root, {
      title: 'Dialplan',
      resource: 'dialplan',
      fields: [
        { name: 'dpid', label: 'Set (dpid)', type: 'number', required: true, size: 4 },
        { name: 'pr', label: 'Priority', type: 'number', placeholder: '0', size: 4 },
        { name: 'match_op', label: 'Match', options: ['regex', 'prefix', 'equal'] },
        { name: 'match_exp', label: 'Match expression', required: true, placeholder: '^0[1-9][0-9]+$' },
        { name: 'match_flags', label: 'Flags', type: 'number', placeholder: '0', size: 3 },
        { name: 'subst_exp', label: 'Substitute', placeholder: '^0(.*)$' },
        { name: 'repl_exp', label: 'Replacement', placeholder: '+49\\1' },
        { name: 'timerec', label: 'Time rec.' },
        { name: 'attrs', label: 'Attributes' },
        { name: 'disabled', label: 'Disabled', type: 'checkbox' },
      ],
      columns: [['Id', (r) => r.id], ['Set', (r) => r.dpid], ['Pr', (r) => r.pr], ['Match', (r) => r.match_op],
        ['Expression', (r) => h('code', {}, r.match_exp)], ['Substitute', (r) => h('code', {}, r.subst_exp ?? '')],
        ['Replacement', (r) => h('code', {}, r.repl_exp ?? '')], ['Attributes', (r) => r.attrs ?? ''],
        ['', (r) => (r.disabled ? 'disabled' : '')]],
      rowsOf: (listing) => listing.rules,
      skippedOf: (listing) => listing.skipped,
      test: {
        title: 'Test a translation (dp_translate)',
        fields: [{ label: 'Set (dpid)', name: 'dpid', type: 'number', required: true, size: 4 },
          { label: 'Input', name: 'input', required: true, placeholder: '0301234567' }],
        async run({ dpid, input }) {
          try {
            const translation = await api.get(`dialplan/translate?${new URLSearchParams({ dpid, input })}`);
            return h('div', {}, h('p', { class: 'message ok', id: 'translation-output' },
              `${translation.input} → ${translation.output} (rule ${translation.rule})`),
            table([['Rule', (s) => s.rule], ['Input', (s) => s.input], ['Output', (s) => s.output],
              ['Attributes', (s) => s.attrs ?? '']], translation.steps));
          } catch (error) {
            if (error.status === 404) {
              return h('p', { class: 'message', id: 'translation-output' }, error.message);
            }
            throw error;
          }
        },
      },
    });
  },
};
