/**
 * The queue's keyboard: j / k (or ↓ / ↑) move the selection, Enter opens the selected task, and
 * a / r / i start approve / reject / request-info on it (each opens a confirmation; nothing is
 * sent on a key alone). Keys typed into a field, or with Ctrl / Alt / Meta, are not commands.
 */
export type QueueCommand =
  | { type: 'move'; by: 1 | -1 }
  | { type: 'open' }
  | { type: 'decide'; decision: 'approve' | 'reject' | 'request_info' };

/** The part of a KeyboardEvent the queue reads (so the logic is testable without a DOM). */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  repeat?: boolean;
  /** The focused element, if any: typing in it is never a command. */
  target?: {
    tagName?: string;
    isContentEditable?: boolean;
    getAttribute?(name: string): string | null;
  } | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const TYPING_ROLES = new Set(['textbox', 'combobox', 'searchbox', 'listbox', 'menu', 'option']);

/** Whether the key goes to a field or a menu rather than to the queue. */
export function isTyping(target: KeyInput['target']): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.tagName && TYPING_TAGS.has(target.tagName.toUpperCase())) return true;
  const role = target.getAttribute?.('role');
  return role ? TYPING_ROLES.has(role) : false;
}

export function commandForKey(input: KeyInput): QueueCommand | undefined {
  if (input.ctrlKey || input.altKey || input.metaKey) return undefined;
  if (isTyping(input.target)) return undefined;
  switch (input.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { type: 'move', by: -1 };
    case 'Enter':
      // A held Enter must not open task after task.
      return input.repeat ? undefined : { type: 'open' };
    case 'a':
      return input.repeat ? undefined : { type: 'decide', decision: 'approve' };
    case 'r':
      return input.repeat ? undefined : { type: 'decide', decision: 'reject' };
    case 'i':
      return input.repeat ? undefined : { type: 'decide', decision: 'request_info' };
    default:
      return undefined;
  }
}

/**
 * The selection after a move: the first row when nothing is selected yet, and never past either
 * end (no wrap: a reviewer working down the queue should stop at its end). -1 for an empty queue.
 */
export function moveSelection(index: number, by: 1 | -1, count: number): number {
  if (count <= 0) return -1;
  if (index < 0 || index >= count) return by === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, index + by));
}
