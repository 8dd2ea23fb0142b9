package app.rapport.platform.subjectaccess;

import java.util.List;

/** A service's audit of one client up to a moment: the newest {@code entries} (newest first) of {@code total}. */
public record AuditPart(String service, long total, List<AuditRecord> entries) {
}
