-- A law firm's directory entry is kept by the organisation that registered it (or the firm itself), not by every
-- organisation's admins. Entries registered before this column existed have no keeper among other organisations.
alter table organisation add column registered_by text;
