import { Command } from 'commander';
import { startAutoAnalyze } from '../platform/db/auto-analyze.ts';
import { openConfiguredStore, describeStore } from '../platform/db/open.ts';
import { configFrom, withStoreOptions, type StoreFlags } from './cli-kit.ts';

/** How long shutdown waits for in-flight requests before giving up. */
const SHUTDOWN_GRACE_MS = 10_000;

function printDemoBanner(url: string, email: string, password: string): void {
  const lines = [
    'Bulwark demo is ready.',
    `Open ${url} and sign in as`,
    `  email:    ${email}`,
    `  password: ${password}`,
    'This password is shown once. Change it, or create your own account, before real use.',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = `+${'-'.repeat(width + 2)}+`;
  process.stdout.write(`\n${bar}\n${lines.map((l) => `| ${l.padEnd(width)} |`).join('\n')}\n${bar}\n\n`);
}

export const serveCommand = withStoreOptions(new Command('serve'))
  .description('Serve the API, the web UI and (later) TAXII')
  .option('--port <port>', 'TCP port (env PORT, default 8080)')
  .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent (env LOG_LEVEL)')
  .option('--no-demo', 'do not create the demo organization on an empty store')
  .action(async (flags: StoreFlags & { demo: boolean }) => {
    const config = configFrom(flags);
    if (!flags.demo) config.seedDemo = false;
    // The HTTP stack, the demo and the job handlers are loaded here, not at the top, so that the other commands
    // start without them.
    const [{ buildApp }, { isStoreEmpty, seedDemo }, { JobRunner }, { jobHandlers }] = await Promise.all([
      import('../platform/http/app.ts'),
      import('../demo/seed-demo.ts'),
      import('../platform/jobs/job-runner.ts'),
      import('../platform/jobs/handlers.ts'),
    ]);
    const store = await openConfiguredStore(config);
    const app = await buildApp(store, config, { logger: { level: config.logLevel } });
    app.log.info({ store: describeStore(config) }, 'store open and migrated');
    const demo = config.seedDemo && (await isStoreEmpty(store)) ? await seedDemo(store) : undefined;

    const runner = new JobRunner(store, jobHandlers, { staleMs: Math.max(1, config.jobStaleSeconds) * 1000 });
    // The embedded store has no autovacuum: keep its planner statistics current (platform/db/auto-analyze.ts).
    const analyzer = startAutoAnalyze(store, {
      onAnalyzed: (tables, ms) => app.log.info({ tables, ms }, 'planner statistics updated'),
      onError: (error) => app.log.warn({ err: error }, 'planner statistics not updated'),
    });
    let closing = false;
    // Fastify answers requests that arrive while closing with Connection: close, but not those already in flight:
    // their keep-alive connection would then hold app.close() open for the keep-alive timeout (72 s), past the
    // grace period, and we would exit 1 without closing the store. Ask those clients to hang up too.
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
    const shutdown = async (signal: string): Promise<void> => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      const timer = setTimeout(() => {
        app.log.error('in-flight requests did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_GRACE_MS);
      timer.unref();
      await app.close();
      await runner.stop();
      await analyzer.stop();
      await store.close();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));

    await app.listen({ port: config.port, host: config.host });
    runner.start();
    if (demo) printDemoBanner(`http://localhost:${config.port}/`, demo.email, demo.password);
  });
