package app.rapport.platform.subjectaccess;

import java.util.Set;

/**
 * One part of what a service holds about a client, as it appears in the subject-access export.
 *
 * @param name   the key in the service's part, e.g. {@code sessions}
 * @param tables the tables whose client data this section shows: the coverage check counts them as exported
 * @param sql    a native query with the client id as {@code ?1}, answering one JSON text per row (e.g.
 *               {@code select cast(to_jsonb(s) as text) from session s where s.client_id = ?1}); whole rows, so a
 *               column added later is exported without anyone remembering to; secrets are removed with {@code - 'column'}
 */
public record ClientDataSection(String name, Set<String> tables, String sql) {
}
