// A local syslog receiver for tests, TCP or TLS, that parses RFC 6587 octet-counted frames strictly: a frame
// whose length prefix is wrong (or a newline-framed message) shows up as a framing error, not as a message.
import { createServer as netServer, type Server, type Socket } from 'node:net';
import { createServer as tlsServer } from 'node:tls';

export type SyslogReceiver = {
  port: number;
  messages: string[];
  framingErrors: string[];
  connections: number;
  /** Closes the listener and every open connection (the SIEM goes away). */
  stop(): Promise<void>;
  /** Kills the open connections but keeps listening. */
  dropConnections(): void;
};

export async function startSyslogReceiver(
  opts: { tls?: { key: string; cert: string }; port?: number } = {},
): Promise<SyslogReceiver> {
  const sockets = new Set<Socket>();
  const r = { port: 0, messages: [] as string[], framingErrors: [] as string[], connections: 0 };
  const onSocket = (socket: Socket) => {
    r.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const space = buf.indexOf(0x20);
        if (space < 0) return;
        const len = Number(buf.subarray(0, space).toString('ascii'));
        if (!/^[1-9]\d*$/.test(buf.subarray(0, space).toString('ascii'))) {
          r.framingErrors.push(buf.toString('utf8'));
          buf = Buffer.alloc(0);
          return;
        }
        if (buf.length < space + 1 + len) return;
        r.messages.push(buf.subarray(space + 1, space + 1 + len).toString('utf8'));
        buf = buf.subarray(space + 1 + len);
      }
    });
  };
  const server: Server = opts.tls
    ? tlsServer({ key: opts.tls.key, cert: opts.tls.cert }, onSocket)
    : netServer(onSocket);
  await new Promise<void>((resolve, reject) =>
    server.once('error', reject).listen(opts.port ?? 0, '127.0.0.1', () => resolve()),
  );
  r.port = (server.address() as { port: number }).port;
  return Object.assign(r, {
    dropConnections: () => sockets.forEach((s) => s.destroy()),
    stop: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  });
}
