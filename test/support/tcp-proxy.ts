import net from 'node:net';

/**
 * A TCP relay on 127.0.0.1 that a test can cut and restore, to make a database unreachable without touching it.
 * `stop()` closes the listener and destroys every relayed connection (both sides see the connection drop);
 * `start()` listens again on the same port.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private armed: { pattern: string; fired: () => void } | undefined;

  constructor(
    private readonly target: { host: string; port: number },
    /** 0 lets the OS choose on the first start; later starts reuse that port. */
    public port = 0,
  ) {}

  async start(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      this.track(client);
      this.track(upstream);
      client.on('data', (chunk: Buffer) => {
        const armed = this.armed;
        if (armed && chunk.toString('latin1').includes(armed.pattern)) {
          // Drop the chunk and the connection: the database never sees the statement, the client sees it fail.
          this.armed = undefined;
          client.destroy();
          upstream.destroy();
          armed.fired();
          return;
        }
        upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /**
   * Arms a one-shot fault: the next client-to-database chunk containing `pattern` (say the SQL text `begin`) is
   * dropped and its connection cut. Resolves when that has happened.
   */
  cutWhenSent(pattern: string): Promise<void> {
    return new Promise((fired) => (this.armed = { pattern, fired }));
  }

  /** How many relayed connections (client side plus upstream side) are open. */
  get openSockets(): number {
    return this.sockets.size;
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
