import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router-dom';
import {
  Anchor, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton, VisuallyHidden,
} from '@mantine/core';
import { api } from '../../api/http';
import { ApiError } from '../../api/problem';
import type { CaseloadAlliance, ClientListItem, Page, SessionView } from '../../api/types';
import { useSession } from '../../auth/AuthContext';
import { hasRole } from '../../auth/tokenStore';
import { STATUS_LABEL, type AllianceStatus } from '../../alliance/status';
import { StatusBadge } from '../../components/StatusBadge';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { displayName, formatDate, formatDateTime, relativeDays } from '../../components/format';
import { languageName } from '../../i18n/lang';
import { buildRows, filterRows, nextSessionsPaths, sortRows, statusCounts, type CaseloadFilter, type SortDirection, type SortKey } from './caseloadRows';

/** Alliance status is not for every role (e.g. support workers): that is a 403, shown as "not available". */
async function allianceOrNull(): Promise<CaseloadAlliance | null> {
  try {
    return await api<CaseloadAlliance>('/api/v1/alliance/caseload');
  } catch (e) {
    if (e instanceof ApiError && e.status === 403) return null;
    throw e;
  }
}

export function useCaseloadData() {
  const session = useSession();
  const clients = useQuery({
    queryKey: ['clients'],
    queryFn: () => api<Page<ClientListItem>>('/api/v1/clients?size=200'),
  });
  const alliance = useQuery({
    queryKey: ['alliance-caseload'],
    queryFn: allianceOrNull,
    enabled: hasRole(session, 'case-manager', 'team-lead'),
  });
  // Each client's next session (any professional's, so a case manager sees the therapist's bookings too), in one
  // request per 50 clients: one for any ordinary caseload.
  const ids = (clients.data?.items ?? []).map((c) => c.id);
  const diary = useQuery({
    queryKey: ['next-sessions', ids],
    queryFn: async () => (await Promise.all(nextSessionsPaths(ids).map((path) => api<SessionView[]>(path)))).flat(),
    enabled: clients.isSuccess && ids.length > 0 && !hasRole(session, 'org-admin'),
  });
  return { clients, alliance, diary };
}

const SORTABLE: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Client' },
  { key: 'status', label: 'Alliance' },
  { key: 'nextSession', label: 'Next session' },
  { key: 'lastFeedback', label: 'Last feedback' },
];

/** Organisation admins have no caseload: their home is the organisation screen. */
export default function CaseloadScreen() {
  const session = useSession();
  if (hasRole(session, 'org-admin')) return <Navigate to="/admin" replace />;
  return <Caseload />;
}

function Caseload() {
  const { clients, alliance, diary } = useCaseloadData();
  const [filter, setFilter] = useState<CaseloadFilter>({ search: '', status: 'all' });
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'status', direction: 'ascending' });

  const rows = useMemo(
    () => buildRows(clients.data?.items ?? [], alliance.data ?? null, diary.data ?? []),
    [clients.data, alliance.data, diary.data],
  );
  const visible = useMemo(() => sortRows(filterRows(rows, filter), sort.key, sort.direction), [rows, filter, sort]);
  const counts = statusCounts(rows);

  const toggleSort = (key: SortKey) =>
    setSort((s) => ({ key, direction: s.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));

  if (clients.isPending) return <Loading what="your caseload" />;
  if (clients.isError) return <ErrorNotice error={clients.error} title="Your caseload could not be loaded" />;

  const summary = alliance.data?.summary;
  return (
    <Stack gap="lg">
      <Title order={1}>Caseload</Title>
      {summary && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Caseload summary">
          <SummaryCard label="Clients" value={String(rows.length)} />
          <SummaryCard label="Open ruptures" value={String(summary.openRuptures)} />
          <SummaryCard label="Repair rate" value={summary.repairRate == null ? '—' : `${Math.round(summary.repairRate * 100)} %`} />
          <SummaryCard label="Median days to repair" value={summary.medianDaysToRepair == null ? '—' : summary.medianDaysToRepair.toFixed(1)} />
        </SimpleGrid>
      )}
      {alliance.isError && <ErrorNotice error={alliance.error} title="Alliance status is unavailable" />}
      {diary.isError && <ErrorNotice error={diary.error} title="Next sessions are unavailable" />}

      <Group align="end" wrap="wrap">
        <TextInput label="Search" placeholder="Name or reference" value={filter.search} w={260}
          onChange={(e) => {
            const search = e.currentTarget.value; // read now: the event is gone when the updater runs
            setFilter((f) => ({ ...f, search }));
          }} />
        <Select label="Show" w={260} allowDeselect={false} value={filter.status}
          onChange={(v) => setFilter((f) => ({ ...f, status: (v ?? 'all') as CaseloadFilter['status'] }))}
          data={[
            { value: 'all', label: `Everyone (${rows.length})` },
            { value: 'needs-attention', label: `Needs attention (${counts.rupture + counts.concern + counts.overdue})` },
            ...(Object.keys(STATUS_LABEL) as AllianceStatus[])
              .filter((s) => counts[s] > 0)
              .map((s) => ({ value: s, label: `${STATUS_LABEL[s]} (${counts[s]})` })),
          ]} />
      </Group>

      <Text role="status" aria-live="polite" size="sm" c="dimmed">
        Showing {visible.length} of {rows.length} clients
      </Text>

      {rows.length === 0 ? (
        <Empty title="No clients on your caseload yet">
          Clients appear here when you are in their care circle, or for team leads, when they belong to your team.
        </Empty>
      ) : visible.length === 0 ? (
        <Empty title="No client matches">Try another name or show everyone.</Empty>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="caseload-table">
            <Table.Caption>
              <VisuallyHidden>Your clients; column headers sort the table.</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {SORTABLE.map(({ key, label }) => (
                  <Table.Th key={key} aria-sort={sort.key === key ? sort.direction : 'none'}>
                    <UnstyledButton onClick={() => toggleSort(key)} fw={700} className="sort-button">
                      {label} <span aria-hidden>{sort.key === key ? (sort.direction === 'ascending' ? '↑' : '↓') : '↕'}</span>
                    </UnstyledButton>
                  </Table.Th>
                ))}
                <Table.Th>Language</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {visible.map((row) => (
                <Table.Tr key={row.client.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${row.client.id}`} fw={600}>
                      {displayName(row.client)}
                    </Anchor>
                    <Text size="sm" c="dimmed">{row.client.reference}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={row.status} />
                    {row.latestRatings.length > 0 && (
                      <Text size="sm">Latest rating{row.latestRatings.length > 1 ? 's' : ''}: {row.latestRatings.join('; ')}</Text>
                    )}
                    {row.openEpisodes > 0 && (
                      <Text size="sm">{row.openEpisodes} open episode{row.openEpisodes > 1 ? 's' : ''}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {row.nextSession ? formatDateTime(row.nextSession.start, row.nextSession.timeZone) : <Text c="dimmed" size="sm">None booked</Text>}
                  </Table.Td>
                  <Table.Td>
                    {row.lastFeedbackAt ? (
                      <>
                        {formatDate(row.lastFeedbackAt)} <Text span size="sm" c="dimmed">({relativeDays(row.lastFeedbackAt)})</Text>
                      </>
                    ) : (
                      <Text c="dimmed" size="sm">None yet</Text>
                    )}
                    {row.feedbackOverdue && row.lastFeedbackAt && <Text size="sm" fw={600}>Overdue</Text>}
                  </Table.Td>
                  <Table.Td>
                    {languageName(row.client.preferredLanguage)}
                    {row.client.interpreterNeeded && <Text size="sm">Interpreter needed</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function SummaryCard({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Paper>
  );
}
