import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

type Flash = { id: string; type: 'success' | 'error' | 'info' | 'warning'; content: ReactNode };

interface FlashApi {
  items: Flash[];
  push(flash: Omit<Flash, 'id'>): void;
  dismiss(id: string): void;
}

const FlashContext = createContext<FlashApi | null>(null);

/** Outcomes of actions (a decision recorded, a retry started), shown above the page content. */
export function FlashProvider(props: { children: ReactNode }) {
  const [items, setItems] = useState<Flash[]>([]);
  const dismiss = useCallback(
    (id: string) => setItems((all) => all.filter((f) => f.id !== id)),
    [],
  );
  const push = useCallback((flash: Omit<Flash, 'id'>) => {
    const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setItems((all) => [{ ...flash, id }, ...all].slice(0, 3));
  }, []);
  const api = useMemo(() => ({ items, push, dismiss }), [items, push, dismiss]);
  return <FlashContext.Provider value={api}>{props.children}</FlashContext.Provider>;
}

export function useFlash(): Pick<FlashApi, 'push'> {
  const api = useContext(FlashContext);
  if (!api) throw new Error('useFlash outside <FlashProvider>');
  return api;
}

export function FlashSlot() {
  const api = useContext(FlashContext);
  const items: FlashbarProps.MessageDefinition[] = (api?.items ?? []).map((flash) => ({
    id: flash.id,
    type: flash.type,
    content: flash.content,
    dismissible: true,
    dismissLabel: '×',
    onDismiss: () => api?.dismiss(flash.id),
  }));
  return <Flashbar items={items} />;
}
