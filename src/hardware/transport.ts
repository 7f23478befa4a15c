/**
 * The one seam between the register and a physical device: bytes go in, a real outcome comes out.
 * Implementations: WebUSB (usb-transport.ts), Web Serial (serial-transport.ts), a network printer
 * through the sync server's relay (network-transport.ts), the browser's print dialog
 * (browser-print-transport.ts), and a recording fake for tests (tests/support/fake-transport.ts).
 * All of them pass the same contract suite (tests/support/transport-contract.ts).
 */

/** closed: not opened yet (or closed); disconnected: the device went away; error: it refused. */
export type TransportStatus = 'closed' | 'opening' | 'open' | 'disconnected' | 'error';

export type TransportErrorCode =
  /** Not opened, or closed: open() first. */
  | 'closed'
  /** The device was unplugged or is unreachable. */
  | 'disconnected'
  /** The operating system refuses access (Windows printer driver, Linux permissions). */
  | 'access_denied'
  /** Another driver or program holds the interface (Linux usblp, another tab). */
  | 'busy'
  /** No usable endpoint, printer not configured… */
  | 'not_found'
  /** The server or device refused the job (authorisation). */
  | 'refused'
  /** The transfer itself failed (stall, timeout, I/O error). */
  | 'io'
  /** This browser has no such API. */
  | 'unsupported';

export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

export type StatusListener = (status: TransportStatus, error: TransportError | null) => void;

export interface Transport {
  readonly kind: 'usb' | 'serial' | 'network' | 'browser' | 'fake';
  readonly status: TransportStatus;
  /** Why the last operation failed (kept until the next success). */
  readonly lastError: TransportError | null;
  /** Opens (or re-opens after a replug). Idempotent while open. */
  open(): Promise<void>;
  /** Sends all of `bytes`, in order; resolves once the device took them, rejects with TransportError. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Called on every status change, including 'disconnected' when the device goes away. */
  onStatus(listener: StatusListener): () => void;
}

/** Status bookkeeping shared by the implementations. */
export abstract class BaseTransport implements Transport {
  abstract readonly kind: Transport['kind'];
  private current: TransportStatus = 'closed';
  private error: TransportError | null = null;
  private readonly listeners = new Set<StatusListener>();
  /** One write at a time: two jobs never interleave their bytes on the wire. */
  private queue: Promise<unknown> = Promise.resolve();

  get status(): TransportStatus {
    return this.current;
  }

  get lastError(): TransportError | null {
    return this.error;
  }

  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected setStatus(status: TransportStatus, error: TransportError | null = null): void {
    if (error !== null || status === 'open') this.error = error;
    if (status === this.current && error === null) return;
    this.current = status;
    for (const l of this.listeners) l(status, error);
  }

  /** Marks the failure and rethrows it as a TransportError. */
  protected fail(error: unknown, fallback: TransportErrorCode, status: TransportStatus = 'error'): never {
    const e = error instanceof TransportError ? error : new TransportError(fallback, error instanceof Error ? error.message : String(error), { cause: error });
    this.setStatus(e.code === 'disconnected' ? 'disconnected' : status, e);
    throw e;
  }

  protected serialised<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  protected requireOpen(): void {
    if (this.current === 'disconnected') throw new TransportError('disconnected', 'The device is disconnected.');
    if (this.current !== 'open') throw new TransportError('closed', 'The transport is not open.');
  }

  abstract open(): Promise<void>;
  abstract write(bytes: Uint8Array): Promise<void>;
  abstract close(): Promise<void>;
}
