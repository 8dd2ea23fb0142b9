-- Clients' next sessions (GET /api/v1/sessions/next): one index probe per client finds the first scheduled
-- session from now on, without stepping over the attended, missed and cancelled ones before it.
create index session_client_scheduled on session (client_id, starts_at, id) where status = 'SCHEDULED';
