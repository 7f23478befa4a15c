/**
 * A network receipt printer standing in on 127.0.0.1: a TCP server that records every byte it
 * receives (one Buffer per connection). Can be stopped and started again on the same port.
 */
import net from 'node:net';

export interface LoopbackPrinter {
  readonly port: number;
  /** Bytes of every connection so far, concatenated. */
  bytes(): Uint8Array;
  jobs(): number;
  /** Resolves once no byte arrived for 50 ms (the relay answers once the bytes left the server). */
  settled(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startLoopbackPrinter(port = 0): Promise<LoopbackPrinter> {
  const chunks: number[][] = [];
  let connections = 0;
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  let boundPort = port;

  const start = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const srv = net.createServer((socket) => {
        connections++;
        sockets.add(socket);
        socket.on('data', (d: Buffer) => chunks.push(Array.from(d)));
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
      });
      srv.once('error', reject);
      srv.listen(boundPort, '127.0.0.1', () => {
        const a = srv.address();
        boundPort = typeof a === 'object' && a ? a.port : boundPort;
        server = srv;
        resolve();
      });
    });

  await start();
  return {
    get port() {
      return boundPort;
    },
    bytes: () => Uint8Array.from(chunks.flat()),
    jobs: () => connections,
    async settled() {
      let last = -1;
      while (last !== chunks.length) {
        last = chunks.length;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
    start,
  };
}
