import { afterAll, describe, expect, it, vi } from 'vitest';

// A machine whose 1-minute load average (99) leaves no core free.
vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof import('node:os')>();
  return { ...os, default: { ...os, loadavg: () => [99, 99, 99] }, loadavg: () => [99, 99, 99] };
});

const { configure } = await import('../../src/parallel/pool.js');
const { configureTeam, stopTeam, teamReady, teamThreads } = await import('../../src/parallel/team.js');

describe('thread team on a busy machine', () => {
  afterAll(async () => {
    configureTeam({ loadAware: true });
    await stopTeam();
  });

  it('callers that ask for an idle machine get one thread; others still get the team', async () => {
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
    expect(teamThreads()).toBe(2);
    expect(teamThreads({ whenIdle: true })).toBe(1);
    configureTeam({ loadAware: false });
    expect(teamThreads({ whenIdle: true })).toBe(2);
  });
});
