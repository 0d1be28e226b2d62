// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { editableFrom, fieldLabel, MAX_READ, OUR_HOST_TAG, pageContext, readText, type Editable } from '../../../dom/fields.ts';

afterEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

function add<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, parent: Element = document.body): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.appendChild(el);
  return el;
}

describe('which fields are read', () => {
  it('reads textareas and plain text inputs', () => {
    const ta = add('textarea');
    expect(editableFrom(ta)).toEqual({ kind: 'value', el: ta });
    for (const type of ['text', 'search', '']) {
      const input = add('input', type ? { type } : {});
      expect(editableFrom(input)).toEqual({ kind: 'value', el: input });
    }
  });

  it.each([
    ['a password', 'input', { type: 'password' }],
    ['an email input', 'input', { type: 'email' }],
    ['a number input', 'input', { type: 'number' }],
    ['a one-time code', 'input', { autocomplete: 'one-time-code' }],
    ['a user name', 'input', { autocomplete: 'username' }],
    ['a postcode textarea', 'textarea', { autocomplete: 'postal-code' }],
    ['a reference without spell checking', 'input', { spellcheck: 'false' }],
    ['a read-only textarea', 'textarea', { readonly: '' }],
    ['a disabled input', 'input', { disabled: '' }],
  ] as const)('never reads %s', (_, tag, attrs) => {
    expect(editableFrom(add(tag, attrs))).toBeNull();
  });

  it('reads a rich editor from its outermost editing host, starting from a text node inside it', () => {
    const host = add('div', { contenteditable: 'true' });
    const p = add('p', {}, host);
    p.textContent = 'hello';
    expect(editableFrom(p.firstChild)).toEqual({ kind: 'rich', el: host });
    expect(editableFrom(p)).toEqual({ kind: 'rich', el: host });
  });

  it('ignores plain elements, nothing at all, and anything inside our own element', () => {
    expect(editableFrom(add('div'))).toBeNull();
    expect(editableFrom(null)).toBeNull();
    expect(editableFrom(window)).toBeNull();
    const ours = document.createElement(OUR_HOST_TAG.toLowerCase());
    document.body.appendChild(ours);
    expect(editableFrom(add('textarea', {}, ours))).toBeNull();
  });
});

describe('reading text', () => {
  it('reads a value, capped at MAX_READ characters', () => {
    const ta = add('textarea');
    ta.value = 'short note';
    expect(readText({ kind: 'value', el: ta })).toBe('short note');
    ta.value = 'x'.repeat(MAX_READ + 10);
    expect(readText({ kind: 'value', el: ta })).toHaveLength(MAX_READ);
  });

  it('puts line breaks between blocks and at <br>, and skips scripts, styles and non-editable islands', () => {
    const host = add('div', { contenteditable: 'true' });
    const p1 = add('p', {}, host);
    p1.textContent = 'First sentence';
    const p2 = add('p', {}, host);
    p2.append('Second', document.createElement('br'), 'line');
    add('script', {}, host).textContent = 'alert(1)';
    add('style', {}, host).textContent = '.x{}';
    add('span', { contenteditable: 'false' }, host).textContent = 'mention widget';
    const text = readText({ kind: 'rich', el: host } as Editable);
    expect(text).toContain('First sentence\n');
    expect(text).toContain('Second\nline');
    expect(text).not.toMatch(/alert|\.x\{|mention/);
    expect(text.replace(/\n+/g, '|')).toBe('|First sentence|Second|line|');
  });
});

describe('the field’s own words and the page around it', () => {
  it('joins label, aria-label, aria-labelledby, placeholder, title and a spaced-out name', () => {
    const label = add('label', { for: 'n' });
    label.textContent = '  Case   note ';
    add('span', { id: 'hint' }).textContent = 'Strategy meeting';
    const ta = add('textarea', { id: 'n', name: 'visitOutcome_notes', 'aria-label': 'Outcome', 'aria-labelledby': 'hint', placeholder: 'Type here', title: 'Notes' });
    const label2 = fieldLabel(ta);
    expect(label2.split(' · ')).toEqual(['Case note', 'Outcome', 'Strategy meeting', 'Type here', 'Notes', 'visit Outcome notes']);
  });

  it('gives the page title and the headings of the form around the field', () => {
    document.title = 'Case system';
    const main = add('main');
    add('h1', {}, main).textContent = 'Child record';
    const form = add('form', {}, main);
    add('h2', {}, form).textContent = 'Strategy discussion';
    add('legend', {}, form).textContent = 'Outcome';
    const ta = add('textarea', {}, form);
    expect(pageContext(ta)).toBe('Case system · Strategy discussion · Outcome · Child record');
  });
});
