/**
 * The sell screen → customer display link: a BroadcastChannel between windows of this origin on this
 * device (the display is a second window, usually on a second screen). The register publishes state
 * snapshots (customer-display-state.ts); a display window subscribes, and when it opens late it says
 * "hello" and the register answers with the current state, so it never waits for the next change.
 * No server, no storage: a display closed and reopened simply asks again.
 */
import { INITIAL_DISPLAY, nextDisplayState, type DisplayEvent, type DisplayState } from './customer-display-state.ts';

export const DISPLAY_CHANNEL = 'comptoir-customer-display';

export type DisplayMessage = { type: 'state'; state: DisplayState } | { type: 'hello' };

/** The part of BroadcastChannel we use (tests pass a pair of in-memory ports). */
export interface ChannelLike {
  postMessage(message: DisplayMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DisplayMessage>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<DisplayMessage>) => void): void;
  close(): void;
}

export type ChannelFactory = (name: string) => ChannelLike;

const browserChannel: ChannelFactory = (name) => new BroadcastChannel(name) as unknown as ChannelLike;

export interface DisplayPublisher {
  /** Applies an event (cart changed, sale completed, shop name) and broadcasts the new state. */
  dispatch(event: DisplayEvent): DisplayState;
  readonly state: DisplayState;
  close(): void;
}

export function createDisplayPublisher(factory: ChannelFactory = browserChannel): DisplayPublisher {
  const channel = factory(DISPLAY_CHANNEL);
  let state: DisplayState = INITIAL_DISPLAY;
  let last = '';
  const onMessage = (event: MessageEvent<DisplayMessage>): void => {
    if (event.data?.type === 'hello') channel.postMessage({ type: 'state', state });
  };
  channel.addEventListener('message', onMessage);
  return {
    dispatch(event) {
      state = nextDisplayState(state, event);
      // The cart effect may run without a visible change (a re-render): do not spam the displays.
      const json = JSON.stringify(state);
      if (json !== last) channel.postMessage({ type: 'state', state });
      last = json;
      return state;
    },
    get state() {
      return state;
    },
    close() {
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}

/** For the display window: calls `listener` with every state, starting with the current one. */
export function subscribeDisplay(listener: (state: DisplayState) => void, factory: ChannelFactory = browserChannel): () => void {
  const channel = factory(DISPLAY_CHANNEL);
  const onMessage = (event: MessageEvent<DisplayMessage>): void => {
    if (event.data?.type === 'state') listener(event.data.state);
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ type: 'hello' });
  return () => {
    channel.removeEventListener('message', onMessage);
    channel.close();
  };
}

let shared: DisplayPublisher | null = null;

/** The register window's publisher (one per window; created on first use). */
export function customerDisplay(): DisplayPublisher {
  shared ??= createDisplayPublisher();
  return shared;
}
