import { Badge } from '@mantine/core';
import { STATUS_COLOUR, STATUS_LABEL, type AllianceStatus } from '../alliance/status';

/** Alliance status as colour plus words (and a distinct marker shape), never colour alone. */
const MARKER: Record<AllianceStatus, string> = {
  rupture: '▲',
  concern: '◆',
  overdue: '●',
  'no-feedback': '○',
  ok: '✓',
  discharged: '–',
  unknown: '?',
};

export function StatusBadge({ status }: { status: AllianceStatus }) {
  return (
    <Badge color={STATUS_COLOUR[status]} variant="light" size="lg" radius="sm" styles={{ label: { color: 'var(--mantine-color-black)' } }}
      leftSection={<span aria-hidden>{MARKER[status]}</span>}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
