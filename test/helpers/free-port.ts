// Test helper: a TCP port on 127.0.0.1 that was free a moment ago: for a peer to listen on, or, left unused, for
// a client to be refused on (ECONNREFUSED).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
