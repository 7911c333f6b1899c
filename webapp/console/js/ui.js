// Small DOM helpers shared by the pages. Text from the router always goes in as text (never as HTML).

/** An element: h('td', {class: 'num', onclick: f}, 'text', node, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** A titled card with buttons at its top right. */
export function card(title, actions, ...content) {
  return h('section', { class: 'card' },
    h('header', {}, h('h2', {}, title), h('div', { class: 'actions' }, actions)), content);
}

/** A table: columns are [title, row => cell content]; `empty` is shown when there are no rows. */
export function table(columns, rows, empty = 'Nothing yet.') {
  if (!rows.length) {
    return h('p', { class: 'muted empty' }, empty);
  }
  return h('table', {},
    h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', {}, title)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row)))))));
}

export function button(label, onclick, kind = '') {
  return h('button', { type: 'button', class: kind, onclick }, label);
}

/** A form of labelled inputs; onsubmit gets the values by name, and the form shows what went wrong. */
export function form(fields, submitLabel, onsubmit, attributes = {}) {
  const message = h('p', { class: 'message', role: 'alert', hidden: true });
  const element = h('form', { class: 'inline-form', ...attributes },
    fields.map((field) => h('label', {}, field.label, field.input || input(field))),
    h('button', { type: 'submit' }, submitLabel), message);
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.hidden = true;
    const values = Object.fromEntries(new FormData(element).entries());
    try {
      await onsubmit(values, element);
    } catch (error) {
      showMessage(message, error);
    }
  });
  return element;
}

function input({ name, type = 'text', value, placeholder, required, size }) {
  return h('input', { name, type, value, placeholder, required, size });
}

export function select(name, options, selected) {
  return h('select', { name },
    options.map(([value, label]) => h('option', { value, selected: value === selected }, label ?? value)));
}

/** Shows an error (an ApiError's detail, a lockout's wait) in a message element. */
export function showMessage(element, error, kind = 'error') {
  element.textContent = typeof error === 'string' ? error : describe(error);
  element.className = 'message ' + kind;
  element.hidden = false;
}

export function describe(error) {
  if (error.status === 429) {
    // the problem's detail names the source and the wait; Retry-After is the wait alone
    return `Locked out: ${error.message || `too many failed logins; try again in ${error.retryAfter} s`}.`;
  }
  return error.status ? `${error.message} (HTTP ${error.status})` : error.message;
}

/** What a page shows for a resource this router does not have, instead of breaking. */
export function notAvailable(what, resource) {
  return h('p', { class: 'message unavailable' },
    `${what}: not available on this router (`, h('code', {}, resource), ' is not there).');
}

/** A card's content from a loader: the error, "not available", or what render makes of the data. */
export async function load(container, what, resource, loader, render) {
  let data;
  try {
    data = await loader();
  } catch (error) {
    container.replaceChildren(error.notAvailable ? notAvailable(what, resource)
      : h('p', { class: 'message error' }, describe(error)));
    return;
  }
  container.replaceChildren(render(data));
}

export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const parts = [[Math.floor(s / 86400), 'd'], [Math.floor(s / 3600) % 24, 'h'], [Math.floor(s / 60) % 60, 'min'],
    [s % 60, 's']];
  const shown = parts.filter(([value], i) => value > 0 || i === parts.length - 1);
  return shown.slice(0, 2).map(([value, unit]) => `${value} ${unit}`).join(' ');
}

/** A "Refresh" button and an "auto" checkbox that reloads every `seconds` while the page is shown. */
export function refresher(page, reload, seconds = 5) {
  let timer = null;
  const auto = h('input', { type: 'checkbox', checked: true });
  const schedule = () => {
    clearInterval(timer);
    timer = auto.checked ? setInterval(reload, seconds * 1000) : null;
  };
  auto.addEventListener('change', schedule);
  page.onLeave(() => clearInterval(timer));
  schedule();
  return [button('Refresh', reload), h('label', { class: 'auto' }, auto, ` auto (${seconds} s)`)];
}

/** For actions started from a button: what went wrong, in a dialog. */
export function fail(error) {
  alert(describe(error));
}
