import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('takes the documented defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: undefined, logLevel: 'info', poolSize: 20, seedDemo: true });
    expect(config).toMatchObject({ fairMaxMemoryMb: 1024, fairMaxSeconds: 300, jobStaleSeconds: 30 });
  });

  it('reads each setting from its variable', () => {
    const config = loadConfig({
      PORT: '9090',
      DATABASE_URL: 'postgres://db/bulwark',
      LOG_LEVEL: 'warn',
      BULWARK_DEMO: 'off',
      BULWARK_FAIR_MAX_SECONDS: '60',
      BULWARK_JOB_STALE_SECONDS: '5',
    });
    expect(config).toMatchObject({ port: 9090, databaseUrl: 'postgres://db/bulwark', logLevel: 'warn', seedDemo: false });
    expect(config).toMatchObject({ fairMaxSeconds: 60, jobStaleSeconds: 5 });
  });

  it('refuses a value it cannot read, naming the variable', () => {
    expect(() => loadConfig({ BULWARK_JOB_STALE_SECONDS: 'soon' })).toThrow(
      new ConfigError('BULWARK_JOB_STALE_SECONDS must be a non-negative integer, got "soon"'),
    );
    expect(() => loadConfig({ BULWARK_DEMO: 'maybe' })).toThrow(/BULWARK_DEMO must be true or false/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/log level must be one of/);
  });
});
