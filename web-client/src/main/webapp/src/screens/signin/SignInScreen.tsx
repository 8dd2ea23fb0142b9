import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { Alert, Button, Center, Container, Paper, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useAuth } from '../../auth/AuthContext';
import { DevelopmentAuth, OidcAuth } from '../../auth/provider';
import { ErrorNotice, Loading } from '../../components/States';

export default function SignInScreen() {
  const { config, provider, session, notice, signedIn } = useAuth();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session) return <Navigate to={from} replace />;
  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1}>Sign in to Rapport</Title>
        {notice && <Alert color="blue" role="status">{notice}</Alert>}
        {provider instanceof DevelopmentAuth && <DemoUsers auth={provider} onSignedIn={signedIn} />}
        {provider instanceof OidcAuth && <OidcSignIn auth={provider} onSignedIn={signedIn} />}
        {!config && !notice && <Loading what="sign-in" />}
      </Stack>
    </Container>
  );
}

function DemoUsers({ auth, onSignedIn }: { auth: DevelopmentAuth; onSignedIn: () => void }) {
  const users = useQuery({ queryKey: ['demo-users'], queryFn: () => auth.users() });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (users.isPending) return <Loading what="demo users" />;
  if (users.isError) return <ErrorNotice error={users.error} title="The demo users could not be loaded" />;
  const choose = async (username: string) => {
    setBusy(username);
    setError(null);
    try {
      await auth.signIn(username);
      onSignedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack>
      <Text>Local run: choose a demo person (all fictional). Alice is a case manager with a full caseload.</Text>
      {error != null && <ErrorNotice error={error} title="Sign-in failed" />}
      <SimpleGrid cols={{ base: 1, sm: 2 }} role="list" aria-label="Demo users">
        {users.data.map((u) => (
          <UnstyledButton key={u.username} role="listitem" onClick={() => choose(u.username)} disabled={busy !== null}
            data-username={u.username} className="demo-user" aria-label={`Sign in as ${u.name} (${u.username}), ${u.roles}`}>
            <Paper withBorder p="md" radius="md">
              <Text fw={700}>{u.name}</Text>
              <Text size="sm" c="dimmed">{u.username} · {u.roles}</Text>
              {busy === u.username && <Text size="sm">Signing in…</Text>}
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function OidcSignIn({ auth, onSignedIn }: { auth: OidcAuth; onSignedIn: () => void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <Center>
      <Stack align="center">
        {error != null && <ErrorNotice error={error} title="Sign-in did not complete" />}
        <Button size="lg" onClick={() => auth.signIn().then(onSignedIn, setError)}>
          Sign in with your organisation account
        </Button>
        <Text size="sm" c="dimmed">A sign-in window opens; allow pop-ups for this site if nothing appears.</Text>
      </Stack>
    </Center>
  );
}
