import { describe, expect, it } from 'vitest';
import { nameOf } from './reference-names';

describe('nameOf', () => {
  const groups = [{ key: 'group-73', name: 'Network Operations' }];

  it('gives the name of a known key', () => {
    expect(nameOf(groups, 'group-73', 'group')).toBe('Network Operations');
  });

  it('shows an unknown key (a deleted group) and says so', () => {
    expect(nameOf(groups, 'group-9', 'group')).toBe('group-9 (unknown group)');
    expect(nameOf([], 'service-4', 'service')).toBe('service-4 (unknown service)');
  });

  it('shows the key alone while the list has not loaded', () => {
    expect(nameOf(undefined, 'group-73', 'group')).toBe('group-73');
  });
});
