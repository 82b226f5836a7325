import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('server settings', () => {
  it('uses the defaults when variables are unset or empty', () => {
    const config = loadConfig({ PORT: '', HOST: '' });
    expect(config.port).toBe(4280);
    expect(config.host).toBe('127.0.0.1');
    expect(config.seed).toBe('demo');
    expect(config.listNames).toEqual({ tickets: 'Tickets', supportGroups: 'Support Groups', services: 'Services' });
  });

  it('names the variable and the rule when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('PORT: PORT must be a whole number from 0 to 65535 (0 picks a free port)');
    expect(() => loadConfig({ PORT: '70000' })).toThrow('PORT: PORT must be a whole number from 0 to 65535');
    expect(() => loadConfig({ PORT: '-1' })).toThrow('PORT: PORT must be a whole number');
    expect(() => loadConfig({ ITSM_SEED: 'lots' })).toThrow('ITSM_SEED');
  });

  it('keeps the dev sign-in off the network unless asked', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 would offer the dev sign-in/);
    expect(loadConfig({ HOST: '0.0.0.0', ITSM_DEV_SIGNIN_ON_NETWORK: '1' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
    expect(loadConfig({ HOST: 'localhost' }).host).toBe('localhost');
  });
});
