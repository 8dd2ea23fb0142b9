/** The tab a link into the record opens: notification links name a part of it. */
export function tabFor(section: string | undefined, seesAlliance: boolean): string {
  const tabs: Record<string, string> = {
    'care-circle': 'care-circle', consent: 'consent', goals: 'goals', sessions: 'timeline', timeline: 'timeline',
    alliance: seesAlliance ? 'alliance' : 'profile',
  };
  return (section && tabs[section]) || 'profile';
}
