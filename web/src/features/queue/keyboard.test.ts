import { describe, expect, it } from 'vitest';
import { commandForKey, isTyping, moveSelection } from './keyboard.ts';

const element = (tagName: string, role?: string) => ({
  tagName,
  isContentEditable: false,
  getAttribute: (name: string) => (name === 'role' ? (role ?? null) : null),
});

describe('Function: commandForKey', () => {
  it.each([
    ['j', { type: 'move', by: 1 }],
    ['ArrowDown', { type: 'move', by: 1 }],
    ['k', { type: 'move', by: -1 }],
    ['ArrowUp', { type: 'move', by: -1 }],
    ['Enter', { type: 'open' }],
    ['a', { type: 'decide', decision: 'approve' }],
    ['r', { type: 'decide', decision: 'reject' }],
    ['i', { type: 'decide', decision: 'request_info' }],
  ])('maps %s on the page to %j', (key, command) => {
    expect(commandForKey({ key, target: element('BODY') })).toEqual(command);
  });

  it('ignores keys typed into a field, a select, an editable element or a combobox', () => {
    for (const target of [
      element('INPUT'),
      element('TEXTAREA'),
      element('SELECT'),
      element('DIV', 'combobox'),
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(commandForKey({ key: 'a', target })).toBeUndefined();
      expect(commandForKey({ key: 'j', target })).toBeUndefined();
    }
  });

  it('ignores keys with Ctrl, Alt or Meta (browser and system shortcuts)', () => {
    expect(commandForKey({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(commandForKey({ key: 'a', metaKey: true })).toBeUndefined();
    expect(commandForKey({ key: 'j', altKey: true })).toBeUndefined();
  });

  it('does not repeat a decision or an open while the key is held, but keeps moving', () => {
    expect(commandForKey({ key: 'a', repeat: true })).toBeUndefined();
    expect(commandForKey({ key: 'Enter', repeat: true })).toBeUndefined();
    expect(commandForKey({ key: 'j', repeat: true })).toEqual({ type: 'move', by: 1 });
  });

  it('ignores capitals and other keys (Shift+A is not approve)', () => {
    expect(commandForKey({ key: 'A', shiftKey: true })).toBeUndefined();
    expect(commandForKey({ key: 'x' })).toBeUndefined();
  });
});

describe('Function: isTyping', () => {
  it('treats no target, a button and a link as not typing', () => {
    expect(isTyping(null)).toBe(false);
    expect(isTyping(element('BUTTON'))).toBe(false);
    expect(isTyping(element('A'))).toBe(false);
  });
});

describe('Function: moveSelection', () => {
  it('starts at the first task going down and at the last going up', () => {
    expect(moveSelection(-1, 1, 5)).toBe(0);
    expect(moveSelection(-1, -1, 5)).toBe(4);
  });

  it('stops at either end instead of wrapping', () => {
    expect(moveSelection(4, 1, 5)).toBe(4);
    expect(moveSelection(0, -1, 5)).toBe(0);
    expect(moveSelection(2, 1, 5)).toBe(3);
  });

  it('selects nothing in an empty queue, and recovers when the list shrank', () => {
    expect(moveSelection(0, 1, 0)).toBe(-1);
    expect(moveSelection(7, 1, 3)).toBe(0);
  });
});
