/**
 * The last validation, shared between the ribbon command and the task pane:
 * in the shared runtime they are one JavaScript context. The state lives on
 * globalThis because webpack bundles commands.js and taskpane.js separately,
 * each with its own copy of this module; both copies must see one state.
 */
import type { Session } from './excel';
import type { Text } from '../engine/messages';

export interface PaneState {
  session: Session | null;
  /** The last action's progress or result; `progress` while it runs. */
  status: { kind: 'success' | 'error' | 'info' | 'warning' | 'progress'; text: Text } | null;
}

interface Shared {
  state: PaneState;
  listeners: Set<(s: PaneState) => void>;
}

const KEY = '__skmRekapPane';
const holder = globalThis as unknown as Record<typeof KEY, Shared | undefined>;
const shared: Shared = (holder[KEY] ??= {
  state: { session: null, status: null },
  listeners: new Set(),
});

export function getState(): PaneState {
  return shared.state;
}

export function setState(patch: Partial<PaneState>): void {
  shared.state = { ...shared.state, ...patch };
  for (const l of shared.listeners) l(shared.state);
}

export function subscribe(listener: (s: PaneState) => void): () => void {
  shared.listeners.add(listener);
  return () => shared.listeners.delete(listener);
}
