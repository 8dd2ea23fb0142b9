import { useQuery } from '@tanstack/react-query';
import { Text, Timeline } from '@mantine/core';
import { api } from '../../api/http';
import type { ConsentView, Episode, Goal, SessionView } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { formatDateTime } from '../../components/format';
import { buildTimeline } from './timeline';

const KIND_LABEL = { session: 'Session', goal: 'Goal', consent: 'Consent', rupture: 'Rupture', repair: 'Repair' };

export function TimelinePanel({ clientId, seesAlliance }: { clientId: string; seesAlliance: boolean }) {
  const sessions = useQuery({ queryKey: ['timeline', clientId], queryFn: () => api<SessionView[]>(`/api/v1/sessions/clients/${clientId}`) });
  const goals = useQuery({ queryKey: ['goals', clientId], queryFn: () => api<Goal[]>(`/api/v1/clients/${clientId}/goals`) });
  const consent = useQuery({ queryKey: ['consent', clientId], queryFn: () => api<ConsentView>(`/api/v1/clients/${clientId}/consent`) });
  const episodes = useQuery({
    queryKey: ['episodes', clientId], enabled: seesAlliance,
    queryFn: () => api<Episode[]>(`/api/v1/alliance/clients/${clientId}/episodes`),
  });
  if (sessions.isPending) return <Loading what="the timeline" />;
  if (sessions.isError) return <ErrorNotice error={sessions.error} />;
  const entries = buildTimeline(sessions.data, goals.data ?? [], consent.data ?? null, episodes.data ?? []);
  if (entries.length === 0) return <Empty title="Nothing has happened yet" />;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.slice(0, 200).map((e, i) => (
        <Timeline.Item key={`${e.kind}-${e.at}-${i}`} title={`${KIND_LABEL[e.kind]} · ${e.title}`}>
          <Text size="sm" c="dimmed">{formatDateTime(e.at)}</Text>
          {e.detail && <Text size="sm">{e.detail}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
