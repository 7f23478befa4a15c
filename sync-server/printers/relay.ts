/**
 * Sends raw bytes to a network receipt printer (raw TCP, "JetDirect" port 9100): connect, write,
 * half-close, and wait for the printer to close or a short grace period. Times out rather than hang.
 */
import net from 'node:net';

export class RelayError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export function sendRaw(host: string, port: number, bytes: Buffer, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let settled = false;
    const finish = (error?: RelayError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => finish(new RelayError('timeout', `the printer at ${host}:${port} did not answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once('error', (e) => finish(new RelayError('unreachable', `the printer at ${host}:${port} is unreachable (${e.message})`)));
    socket.once('connect', () => {
      // end() flushes then half-closes; 'finish' means every byte reached the kernel's socket.
      // (Cast: @types/node 20's Buffer and TypeScript 6's Uint8Array disagree on the buffer type.)
      socket.end(bytes as unknown as Uint8Array, () => finish());
    });
  });
}
