import { tabFor } from './tabs';

describe('links into a client record', () => {
  it('open the tab the notification link names', () => {
    expect(tabFor('alliance', true)).toBe('alliance');
    expect(tabFor('sessions', true)).toBe('timeline');
    expect(tabFor('care-circle', false)).toBe('care-circle');
    expect(tabFor(undefined, true)).toBe('profile');
    expect(tabFor('case', true)).toBe('profile');
  });

  it('never open the alliance tab for someone who may not see it', () => {
    expect(tabFor('alliance', false)).toBe('profile');
  });
});
