import { useQuery } from '@tanstack/react-query';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/http';
import type { ClientTrend, Episode } from '../../api/types';
import { Empty, ErrorNotice, Loading } from '../../components/States';
import { formatDate } from '../../components/format';
import { namesFrom, useCareCircle } from './ClientScreen';
import { shapeOutcomes, shapePair, type OutcomeChart, type PairChart } from './allianceChart';
import { NOT_VALIDATED, concernText, directionText, scoreText } from '../../alliance/scoreMeaning';

const MARKER_COLOUR = { rupture: '#c92a2a', repair: '#1864ab', resolved: '#2b8a3e', closed: '#495057' };

export function AlliancePanel({ clientId }: { clientId: string }) {
  const trend = useQuery({ queryKey: ['trend', clientId], queryFn: () => api<ClientTrend>(`/api/v1/alliance/clients/${clientId}/trend`) });
  const episodes = useQuery({ queryKey: ['episodes', clientId], queryFn: () => api<Episode[]>(`/api/v1/alliance/clients/${clientId}/episodes`) });
  const circle = useCareCircle(clientId);
  if (trend.isPending) return <Loading what="alliance scores" />;
  if (trend.isError) return <ErrorNotice error={trend.error} />;
  if (trend.data.pairs.length === 0) {
    return <Empty title="No alliance feedback yet">Run the session check at the end of a session, or send the client a link.</Empty>;
  }
  const name = namesFrom(circle.data);
  return (
    <Stack gap="xl">
      {trend.data.pairs.map((pair) => (
        <Stack key={pair.professionalId} gap="md">
          <PairChartView chart={shapePair(pair, episodes.data)} name={name(pair.professionalId)} />
          {shapeOutcomes(pair).map((outcome) => (
            <OutcomeChartView key={outcome.measureId} chart={outcome} name={name(pair.professionalId)} professionalId={pair.professionalId} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function PairChartView({ chart, name }: { chart: PairChart; name: string }) {
  const headingId = `alliance-${chart.professionalId}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>Alliance with {name}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Client alliance ratings{chart.measureId ? ` (${chart.measureId}${chart.validated ? '' : `, ${NOT_VALIDATED}`})` : ''} and {name}’s own check-ins (higher is better).
        {chart.cutOff != null && ` ${concernText('higher-is-better', chart.cutOff)} (dashed line)`} Vertical lines mark ruptures, repairs and resolutions.
      </Text>
      {chart.points.length === 0 ? (
        <Text>No scores yet. {chart.markers.map((m) => `${m.label} ${formatDate(new Date(m.t).toISOString())}`).join('; ')}.</Text>
      ) : (
      <div role="img" aria-label={`Chart of alliance scores with ${name}; the same data is in the table below.`} style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <LineChart data={chart.points} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={chart.xDomain} tickFormatter={(t: number) => formatDate(new Date(t).toISOString())} />
            <YAxis domain={[0, chart.yMax]} />
            <Tooltip labelFormatter={(t) => formatDate(new Date(Number(t)).toISOString())} />
            <Legend />
            {chart.cutOff != null && <ReferenceLine y={chart.cutOff} stroke="#e8590c" strokeDasharray="6 4" label={{ value: `cut-off ${chart.cutOff}`, position: 'insideTopRight' }} />}
            {chart.markers.map((m, i) => (
              <ReferenceLine key={i} x={m.t} stroke={MARKER_COLOUR[m.kind]} strokeDasharray={m.kind === 'rupture' ? undefined : '2 2'}
                label={{ value: m.kind === 'rupture' ? '▲' : m.kind === 'repair' ? 'R' : '✓', position: 'top', fill: MARKER_COLOUR[m.kind] }} />
            ))}
            <Line type="monotone" dataKey="client" name="Client rating" stroke="#364fc7" strokeWidth={2} connectNulls dot={{ r: 4 }}
              isAnimationActive={false} />
            <Line type="monotone" dataKey="checkIn" name="Professional check-in" stroke="#862e9c" strokeDasharray="4 2" connectNulls dot={{ r: 3 }}
              isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      )}
      <details>
        <summary>Scores and events as a table</summary>
        <Table mt="xs">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>What</Table.Th><Table.Th>Score</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {[...chart.points.map((p) => ({ t: p.t, what: p.client != null ? 'Client rating' : 'Check-in', score: scoreText((p.client ?? p.checkIn)!, p, p.inConcernRange) })),
              ...chart.markers.map((m) => ({ t: m.t, what: m.label, score: '' }))]
              .sort((a, b) => a.t - b.t)
              .map((r, i) => (
                <Table.Tr key={i}><Table.Td>{formatDate(new Date(r.t).toISOString())}</Table.Td><Table.Td>{r.what}</Table.Td><Table.Td>{r.score}</Table.Td></Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </details>
    </Paper>
  );
}

/** An outcome measure on its own chart: its direction spelt out, the clinical cut-off and the published bands. */
function OutcomeChartView({ chart, name, professionalId }: { chart: OutcomeChart; name: string; professionalId: string }) {
  const headingId = `outcome-${professionalId}-${chart.measureId}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>Outcome: {chart.measureId} (with {name})</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {directionText(chart.direction)}.{chart.cutOff != null && ` ${concernText(chart.direction, chart.cutOff)}`}
        {chart.bands.length > 0 && ` Severity bands: ${chart.bands.map((b) => `${b.from}–${b.to} ${b.label.toLowerCase()}`).join('; ')}.`}
        {!chart.validated && ` This measure is ${NOT_VALIDATED}.`} This is how the client is doing, not the alliance.
      </Text>
      <div role="img" aria-label={`Chart of ${chart.measureId} scores; the same data is in the table below.`} style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <LineChart data={chart.points} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="t" type="number" scale="time" domain={chart.xDomain} tickFormatter={(t: number) => formatDate(new Date(t).toISOString())} />
            <YAxis domain={[0, chart.yMax]} />
            <Tooltip labelFormatter={(t) => formatDate(new Date(Number(t)).toISOString())} />
            {chart.cutOff != null && <ReferenceLine y={chart.cutOff} stroke="#e8590c" strokeDasharray="6 4" label={{ value: `clinical cut-off ${chart.cutOff}`, position: 'insideTopRight' }} />}
            <Line type="monotone" dataKey="total" name={chart.measureId} stroke="#2b8a3e" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Scores as a table</summary>
        <Table mt="xs">
          <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Score</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {chart.points.map((p, i) => (
              <Table.Tr key={i}><Table.Td>{formatDate(new Date(p.t).toISOString())}</Table.Td>
                <Table.Td>{scoreText(p.total, { validated: chart.validated, band: p.band }, p.inConcernRange)}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Paper>
  );
}
