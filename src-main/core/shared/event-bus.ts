import type { EventName } from '../../contract/channels';
import type { EventPayload } from '../../contract/api';
import type { Permission } from '../../contract/roles';

/**
 * Who an event is for when not everyone who may see its kind: one session (by its id), or the
 * sessions whose role holds a permission (alerts go to those who may read them).
 */
export type EventTarget = { sessionId: string } | { permission: Permission };

type Listener<K extends EventName> = (payload: EventPayload<K>, to?: EventTarget) => void;

/** Push events for the transports to forward to connected windows and browsers. */
export type EventBus = {
  emit<K extends EventName>(name: K, payload: EventPayload<K>, to?: EventTarget): void;
  on<K extends EventName>(name: K, listener: Listener<K>): () => void;
};

export const createEventBus = (): EventBus => {
  // Keyed by name; each set only ever holds listeners for that name's payload.
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    emit: (name, payload, to) => {
      for (const l of listeners.get(name) ?? []) (l as Listener<typeof name>)(payload, to);
    },
    on: (name, listener) => {
      const set = listeners.get(name) ?? new Set<(payload: never) => void>();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
};
