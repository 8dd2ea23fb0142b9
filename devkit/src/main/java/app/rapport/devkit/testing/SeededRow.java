package app.rapport.devkit.testing;

/**
 * One row a subject-access test writes into a covered table for a client ({@code :id} and {@code :client} in the
 * insert), and the section and field of the service's part that must show that id.
 */
public record SeededRow(String table, String section, String field, String insert) {
}
