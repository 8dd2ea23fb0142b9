-- The client's consent decisions about their alliance data (consent.granted / consent.withdrawn). Decisions about
-- other categories are not kept: this service holds only alliance data, so nothing else is decided here.
create table consent_decision (
    consent_id          uuid        primary key,
    client_id           uuid        not null,
    recipient_role      text,
    recipient_member_id uuid,
    granted             boolean     not null,
    effective_from      date        not null,
    effective_until     date,
    recorded_at         timestamptz not null,
    check ((recipient_role is null) <> (recipient_member_id is null))
);
create index consent_decision_client on consent_decision (client_id);
