import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild, seedDemoTemplate } from './bulwark-harness.ts';

/**
 * Before the browser suite: build the web UI if it is stale and seed the demo once (seeding is most of a
 * server's start); each test file then serves a copy of that data directory.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  ensureWebBuild();
  const template = await seedDemoTemplate();
  project.provide('demoTemplate', template);
  return () => fs.rmSync(template.dataDir, { recursive: true, force: true });
}
