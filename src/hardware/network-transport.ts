/**
 * A network receipt printer (raw TCP, port 9100) reached through the sync server's relay: browsers
 * cannot open TCP sockets. The register posts the bytes with its bearer token to
 *   POST /api/stores/:storeId/printers/:printerId/raw
 * and the server sends them to the address the admin configured for that printer of that store (the
 * register never names an address, so it cannot use the server to reach anything else).
 */
import { BaseTransport, TransportError } from './transport.ts';

export interface RelayTarget {
  serverUrl: string;
  storeId: string;
  token: string;
  /** The printer's id in the server's configuration. */
  printerId: string;
}

export class NetworkTransport extends BaseTransport {
  readonly kind = 'network' as const;

  constructor(
    private readonly target: RelayTarget,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {
    super();
  }

  private url(): string {
    const t = this.target;
    return `${t.serverUrl.replace(/\/+$/, '')}/api/stores/${encodeURIComponent(t.storeId)}/printers/${encodeURIComponent(t.printerId)}/raw`;
  }

  /** Nothing to open: each job is one request. Marks the transport usable again after a failure. */
  open(): Promise<void> {
    return this.serialised(async () => {
      this.setStatus('open');
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.serialised(async () => {
      if (this.status === 'closed') throw new TransportError('closed', 'The transport is not open.');
      let response: Response;
      try {
        response = await this.fetchImpl(this.url(), {
          method: 'POST',
          headers: { Authorization: `Bearer ${this.target.token}`, 'Content-Type': 'application/octet-stream' },
          // A copy backed by a plain ArrayBuffer (a view on a shared buffer is not a BodyInit).
          body: new Blob([bytes.slice()]),
        });
      } catch (error) {
        // No answer at all: the register is offline or the server is down.
        this.fail(new TransportError('disconnected', `The sync server cannot be reached to relay the print. (${error instanceof Error ? error.message : String(error)})`, { cause: error }), 'disconnected');
      }
      if (response!.ok) {
        if (this.status !== 'open') this.setStatus('open');
        return;
      }
      const body = (await response!.json().catch(() => ({}))) as { reason?: string };
      const reason = body.reason ?? `HTTP ${response!.status}`;
      const code = response!.status === 401 || response!.status === 403 ? 'refused' : response!.status === 404 ? 'not_found' : response!.status === 502 || response!.status === 504 ? 'disconnected' : 'io';
      this.fail(new TransportError(code, reason), code);
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      this.setStatus('closed');
    });
  }
}
