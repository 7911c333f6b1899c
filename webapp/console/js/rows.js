// An editor for a table of rows the router keeps (the address groups, the dialplan), as opensips-cp's tools do:
// the rows, a form that adds a row or changes the one being edited, remove, reload from the database, and a test.
import * as api from './api.js';
import { button, card, fail, form, h, load, select, showMessage, table } from './ui.js';

/**
 * config: { title, resource ('address'), fields: [{name, label, type: 'number'|'text'|'checkbox', options}],
 * columns (for table()), rowsOf(answer), skippedOf(answer), test: {title, fields, run(values) -> node} }
 */
export function rowEditor(root, config) {
  const rows = h('div');
  const status = h('p', { class: 'message', role: 'status', hidden: true });
  let editing = null;
  const editor = h('div');

  function showForm(row) {
    editing = row;
    const fields = config.fields.map((field) => ({ label: field.label, input: input(field, row?.[field.name]) }));
    const element = form(fields, row ? `Save row ${row.id}` : 'Add', async (values, formElement) => {
      const body = bodyOf(config.fields, values, formElement);
      if (editing) {
        await api.put(`${config.resource}/${editing.id}`, body);
        showMessage(status, `Row ${editing.id} saved; the router uses it now.`, 'ok');
      } else {
        const added = await api.post(config.resource, body);
        showMessage(status, `Row ${added.id} added; the router uses it now.`, 'ok');
      }
      showForm(null);
      reload();
    }, { id: `${config.resource}-form` });
    if (row) {
      element.append(button('Cancel', () => showForm(null)));
    }
    editor.replaceChildren(h('h3', {}, row ? `Edit row ${row.id}` : 'Add a row'), element);
  }

  async function reloadTable() {
    try {
      const result = await api.post(`${config.resource}/reload`);
      const summary = Object.entries(result).map(([name, value]) =>
        `${Array.isArray(value) ? value.length : value} ${name}`).join(', ');
      showMessage(status, `Reloaded from the database: ${summary}.`, 'ok');
      reload();
    } catch (error) {
      fail(error);
    }
  }

  const reload = () => load(rows, config.title, `/api/${config.resource}`, () => api.get(config.resource),
    (answer) => h('div', {},
      table([...config.columns, ['', (row) => h('div', { class: 'row-actions' },
        button('Edit', () => showForm(row)),
        button('Remove', async () => {
          if (confirm(`Remove row ${row.id}?`)) {
            await api.del(`${config.resource}/${row.id}`).catch(fail);
            reload();
          }
        }, 'danger'))]], config.rowsOf(answer), 'No rows yet: add one below.'),
      skipped(config.skippedOf(answer))));

  const result = h('div', { class: 'test-result' });
  root.append(h('h1', {}, config.title),
    card('Rows', [button('Refresh', () => reload()), button('Reload from database', reloadTable)], status, rows,
      editor),
    card(config.test.title, [], form(config.test.fields, 'Test', async (values) => {
      result.replaceChildren(await config.test.run(values));
    }, { id: `${config.resource}-test` }), result));
  showForm(null);
  reload();
}

function input(field, value) {
  if (field.options) {
    return select(field.name, field.options.map((option) => [option]), value ?? field.options[0]);
  }
  if (field.type === 'checkbox') {
    return h('input', { name: field.name, type: 'checkbox', checked: Boolean(value) });
  }
  return h('input', { name: field.name, type: field.type || 'text', value: value ?? '', placeholder: field.placeholder,
    required: field.required, size: field.size });
}

function bodyOf(fields, values, element) {
  const body = {};
  for (const field of fields) {
    if (field.type === 'checkbox') {
      body[field.name] = element.elements[field.name].checked;
    } else if (values[field.name] !== '') {
      body[field.name] = field.type === 'number' ? Number(values[field.name]) : values[field.name];
    }
  }
  return body;
}

function skipped(list) {
  if (!list?.length) {
    return null;
  }
  return h('div', { class: 'message error' }, h('strong', {}, 'Rows the last load skipped: '),
    list.map((row) => h('div', {}, `row ${row.id}: ${row.reason}`)));
}
