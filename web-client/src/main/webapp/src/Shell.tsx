import { AppShell, Badge, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth, useSession } from './auth/AuthContext';
import { hasRole } from './auth/tokenStore';
import { useUnreadCount } from './live/useInbox';

interface Item {
  to: string;
  label: string;
  show: boolean;
}

/** The signed-in frame: a skip link, the navigation and the person's name with sign-out. */
export function Shell() {
  const session = useSession();
  const { signOut } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const unread = useUnreadCount();
  const professional = !hasRole(session, 'solicitor', 'org-admin');
  const items: Item[] = [
    { to: '/', label: 'Caseload', show: !hasRole(session, 'org-admin') },
    { to: '/diary', label: 'Diary', show: professional },
    { to: '/ruptures', label: 'Ruptures', show: hasRole(session, 'case-manager', 'team-lead', 'therapist') },
    { to: '/notifications', label: 'Notifications', show: true },
    { to: '/admin', label: 'Organisation', show: hasRole(session, 'org-admin') },
  ];
  const current = (to: string) => (to === '/' ? location.pathname === '/' || location.pathname.startsWith('/clients') : location.pathname.startsWith(to));
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">Skip to main content</a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
            <Title order={2} size="h3">Rapport</Title>
          </Group>
          <Group>
            <Text size="sm" data-testid="signed-in-as">{session.claims.name ?? session.claims.preferred_username}</Text>
            <Button variant="default" size="xs" onClick={() => void signOut()}>Sign out</Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {items.filter((i) => i.show).map((i) => (
          <NavLink key={i.to} component={Link} to={i.to} label={i.label} active={current(i.to)} onClick={close}
            aria-current={current(i.to) ? 'page' : undefined}
            rightSection={i.to === '/notifications' && unread > 0
              ? <Badge size="sm" color="red" variant="filled" aria-label={`${unread} unread`} data-testid="unread-badge">{unread}</Badge>
              : undefined} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
