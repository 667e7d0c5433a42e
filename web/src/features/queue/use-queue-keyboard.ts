import { useEffect, useRef } from 'react';
import { commandForKey, type QueueCommand } from './keyboard.ts';

/** Listens for the queue's keys while `enabled` (off while a dialog is open). */
export function useQueueKeyboard(enabled: boolean, onCommand: (command: QueueCommand) => void) {
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      const command = commandForKey({
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        target: event.target instanceof HTMLElement ? event.target : null,
      });
      if (!command) return;
      // Enter on a focused link or button keeps its own meaning.
      if (command.type === 'open' && event.target instanceof HTMLElement) {
        const tag = event.target.tagName;
        if (tag === 'A' || tag === 'BUTTON') return;
      }
      event.preventDefault();
      handler.current(command);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
