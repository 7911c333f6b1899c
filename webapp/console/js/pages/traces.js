// SIP traces: selective tracing switched on and off at run time (OpenSIPS's trace_start/trace_stop), the traced
// calls, and a call's messages as a ladder diagram (what Homer shows).
import * as api from '../api.js';
import { button, card, fail, form, h, load, select, table } from '../ui.js';
import { ladder } from '../ladder.js';

export default {
  title: 'SIP traces',
  render(root) {
    const traces = h('div');
    const calls = h('div');
    const call = h('div');

    const reloadTraces = () => load(traces, 'SIP tracing', '/api/traces', () => api.get('traces'), (list) =>
      table([['Id', (t) => t.id], ['Matching', (t) => t.match], ['Value', (t) => t.value ?? ''],
        ['To', (t) => t.destinations.join(', ')], ['', (t) => button('Stop', async () => {
          await api.del(`traces/${api.segment(t.id)}`).catch(fail);
          reloadTraces();
        }, 'danger')]], list, 'Nothing is traced.'));

    const reloadCalls = () => load(calls, 'Traced calls', '/api/traces/calls', () => api.get('traces/calls?limit=50'),
      (list) => table([['First message', (c) => new Date(c.first).toLocaleString()], ['From', (c) => c.from],
        ['To', (c) => c.to], ['Messages', (c) => c.messages],
        ['Call-ID', (c) => h('a', { href: '#/traces', onclick: (event) => {
          event.preventDefault();
          showCall(c.callid);
        } }, c.callid)]], list, 'No call traced yet.'));

    function showCall(callid) {
      const text = h('pre', { class: 'sip-text' }, 'Click an arrow to see its message.');
      load(call, 'Call', '/api/traces/messages', () => api.get(`traces/messages?callid=${encodeURIComponent(callid)}`),
        (messages) => h('div', {}, h('h3', {}, `Call ${callid}`),
          h('div', { class: 'ladder-scroll' }, ladder(messages, (message) => {
            text.textContent = message.text;
          })), text));
    }

    root.append(h('h1', {}, 'SIP traces'),
      card('Tracing', [button('Refresh', reloadTraces)],
        form([{ label: 'Trace', input: select('match', [['all', 'all traffic'], ['user', 'a user'],
          ['caller', 'a caller (From)'], ['callee', 'a callee (Request-URI)'], ['source', 'a source address'],
          ['callid', 'a Call-ID']], 'all') },
        { label: 'Value', name: 'value', placeholder: 'alice@example.com, 192.0.2.7, …' },
        { label: 'To Homer (HEP)', input: h('input', { type: 'checkbox', name: 'hep' }) },
        { label: 'To the database', input: h('input', { type: 'checkbox', name: 'database' }) }],
        'Start tracing', async ({ match, value, hep, database }) => {
          // neither ticked: every destination the router has (tracing.hep, tracing.database)
          await api.post('traces', { match, value: value || undefined,
            to: [hep && 'hep', database && 'database'].filter(Boolean) });
          reloadTraces();
        }, { id: 'start-trace' }), traces),
      card('Traced calls', [button('Refresh', reloadCalls)], calls),
      call);
    reloadTraces();
    reloadCalls();
  },
};
