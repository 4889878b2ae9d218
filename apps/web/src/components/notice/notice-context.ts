import { createContext, use } from 'react';

export type NoticeTone = 'success' | 'error' | 'info';
export type Notify = (message: string, tone?: NoticeTone) => void;

export const NoticeContext = createContext<Notify | null>(null);

/** Shows a short, self-dismissing notice (toast) that survives navigation. */
export function useNotice(): Notify {
  const notify = use(NoticeContext);
  if (!notify) throw new Error('useNotice must be used inside <NoticeProvider>');
  return notify;
}
