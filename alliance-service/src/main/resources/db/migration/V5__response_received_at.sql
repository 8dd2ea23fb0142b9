-- recorded_at is when a response was filled in, which a professional may give for a response entered after the
-- session; received_at keeps when alliance-service got it. Existing rows were received when they were filled in.
alter table feedback_response add column received_at timestamptz;
update feedback_response set received_at = recorded_at;
alter table feedback_response alter column received_at set not null;
