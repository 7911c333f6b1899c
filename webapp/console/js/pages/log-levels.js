// Log levels: each logger's level, changed at run time (OpenSIPS's log_level, Kamailio's debug).
import * as api from '../api.js';
import { card, fail, form, h, load, select, table } from '../ui.js';

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'OFF'];

export default {
  title: 'Log levels',
  render(root) {
    const levels = h('div');

    async function change(logger, level) {
      await api.put(`log-levels/${api.segment(logger)}`, { level });
      reload();
    }

    const reload = () => load(levels, 'Log levels', '/api/log-levels', () => api.get('log-levels'), (answer) =>
      table([['Logger', (l) => h('code', {}, l.logger)], ['Level', (l) => {
        const choice = select('level', LEVELS.map((level) => [level]), l.level);
        choice.dataset.logger = l.logger;
        choice.addEventListener('change', () => change(l.logger, choice.value).catch(fail));
        return choice;
      }]], loggers(answer), 'No logger has a level of its own.'));

    root.append(h('h1', {}, 'Log levels'),
      card('Loggers', [], form([{ label: 'Logger', name: 'logger', required: true, placeholder: 'org.interchange.proxy' },
        { label: 'Level', input: select('level', LEVELS.map((level) => [level]), 'DEBUG') }],
      'Set level', ({ logger, level }) => change(logger, level), { id: 'set-log-level' }), levels));
    reload();
  },
};

/** The answer as [{logger, level}]: a list of those, or an object of logger → level (or either under loggers). */
function loggers(answer) {
  const list = answer.loggers ?? answer;
  return Array.isArray(list) ? list : Object.entries(list).map(([logger, level]) =>
    ({ logger, level: typeof level === 'object' ? level.level : level }));
}
