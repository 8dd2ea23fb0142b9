import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Client } from '../../api/types';
import { formatDate } from '../../components/format';
import { languageName } from '../../i18n/lang';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">{label}</Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>{value || 'Not recorded'}</Text>
    </div>
  );
}

export function ProfilePanel({ client: c }: { client: Client }) {
  const prefs = c.professionalPreferences ?? {};
  return (
    <Stack gap="lg">
      <section aria-labelledby="about">
        <Title order={2} size="h4" id="about" mb="xs">About</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl">
          <Field label="Date of birth" value={c.dateOfBirth && formatDate(c.dateOfBirth)} />
          <Field label="Phone" value={c.phone} />
          <Field label="Email" value={c.email} />
          <Field label="Address" value={[c.addressLine1, c.addressLine2, c.town, c.postcode].filter(Boolean).join(', ')} />
          <Field label="NHS number" value={c.nhsNumber} />
          <Field label="Team" value={c.teamId} />
        </SimpleGrid>
      </section>
      <section aria-labelledby="language">
        <Title order={2} size="h4" id="language" mb="xs">Language and needs</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl">
          <Field label="Preferred language" value={languageName(c.preferredLanguage)} />
          <Field label="Interpreter" value={c.interpreterNeeded ? 'Needed' : 'Not needed'} />
          <Field label="Communication needs" value={c.communicationNeeds} />
          <Field label="Accessibility needs" value={c.accessibilityNeeds} />
        </SimpleGrid>
      </section>
      <section aria-labelledby="context">
        <Title order={2} size="h4" id="context" mb="xs">Cultural context and preferences (in the client’s words)</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl">
          <Field label="Cultural context" value={c.culturalContext} />
          <Field label="Faith" value={c.faithContext} />
          <Field label="Professional’s gender" value={prefs.gender} />
          <Field label="Cultural background" value={prefs.culturalBackground} />
          <Field label="Directiveness" value={prefs.directiveness} />
          <Field label="Challenge" value={prefs.challenge} />
          <Field label="Times" value={prefs.times} />
          <Field label="Settings" value={prefs.settings} />
        </SimpleGrid>
      </section>
    </Stack>
  );
}
