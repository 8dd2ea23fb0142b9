import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { api } from '../../api/http';
import type { CareCircleMember, Client } from '../../api/types';
import { ErrorNotice, Loading } from '../../components/States';
import { displayName } from '../../components/format';
import { languageName } from '../../i18n/lang';
import { useSession } from '../../auth/AuthContext';
import { hasRole } from '../../auth/tokenStore';
import { ProfilePanel } from './ProfilePanel';
import { CareCirclePanel } from './CareCirclePanel';
import { ConsentPanel } from './ConsentPanel';
import { GoalsPanel } from './GoalsPanel';
import { TimelinePanel } from './TimelinePanel';
import { AlliancePanel } from './AlliancePanel';
import { tabFor } from './tabs';

export function useCareCircle(clientId: string) {
  return useQuery({
    queryKey: ['care-circle', clientId],
    queryFn: () => api<CareCircleMember[]>(`/api/v1/clients/${clientId}/care-circle`),
  });
}

/** userId → display name, from the client's care circle (the only directory every professional may read). */
export function namesFrom(members: CareCircleMember[] | undefined): (userId: string) => string {
  const names = new Map((members ?? []).filter((m) => m.userId).map((m) => [m.userId!, m.displayName]));
  return (userId) => names.get(userId) ?? 'A former team member';
}

export default function ClientScreen() {
  const { clientId = '', section } = useParams();
  const session = useSession();
  const client = useQuery({ queryKey: ['client', clientId], queryFn: () => api<Client>(`/api/v1/clients/${clientId}`) });
  const seesAlliance = hasRole(session, 'case-manager', 'team-lead', 'therapist');
  if (client.isPending) return <Loading what="the client" />;
  if (client.isError) return <ErrorNotice error={client.error} title="This client could not be opened" />;
  const c = client.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/" size="sm">← Caseload</Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1}>{displayName(c)}</Title>
          <Group gap="xs">
            <Text c="dimmed">{c.reference}</Text>
            <Badge variant="outline" color={c.status === 'active' ? 'teal' : 'gray'} styles={{ label: { color: 'var(--mantine-color-black)' } }}>{c.status}</Badge>
            <Text>{languageName(c.preferredLanguage)}{c.interpreterNeeded ? ' · interpreter needed' : ''}</Text>
          </Group>
        </div>
        {seesAlliance && (
          <Button component={Link} to={`/clients/${clientId}/feedback`} variant="filled">Feedback</Button>
        )}
      </Group>
      <Tabs defaultValue={tabFor(section, seesAlliance)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="profile">Profile</Tabs.Tab>
          <Tabs.Tab value="care-circle">Care circle</Tabs.Tab>
          <Tabs.Tab value="consent">Consent</Tabs.Tab>
          <Tabs.Tab value="goals">Goals</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          {seesAlliance && <Tabs.Tab value="alliance">Alliance</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="profile" pt="md"><ProfilePanel client={c} /></Tabs.Panel>
        <Tabs.Panel value="care-circle" pt="md"><CareCirclePanel clientId={clientId} /></Tabs.Panel>
        <Tabs.Panel value="consent" pt="md"><ConsentPanel clientId={clientId} /></Tabs.Panel>
        <Tabs.Panel value="goals" pt="md"><GoalsPanel clientId={clientId} /></Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md"><TimelinePanel clientId={clientId} seesAlliance={seesAlliance} /></Tabs.Panel>
        {seesAlliance && <Tabs.Panel value="alliance" pt="md"><AlliancePanel clientId={clientId} /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}
