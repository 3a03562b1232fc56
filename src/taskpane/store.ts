/**
 * The last validation, shared between the ribbon command and the task pane:
 * in the shared runtime they are one JavaScript context.
 */
import type { Session } from './excel';
import type { Text } from '../engine/messages';

export interface PaneState {
  session: Session | null;
  status: { kind: 'success' | 'error' | 'info'; text: Text } | null;
}

let state: PaneState = { session: null, status: null };
const listeners = new Set<(s: PaneState) => void>();

export function getState(): PaneState {
  return state;
}

export function setState(patch: Partial<PaneState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function subscribe(listener: (s: PaneState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
