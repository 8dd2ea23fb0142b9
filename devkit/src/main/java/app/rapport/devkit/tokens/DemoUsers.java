package app.rapport.devkit.tokens;

import java.util.List;
import java.util.Optional;

/**
 * The demo organisation: Northbridge Rehabilitation (two case-management teams) and the law firm
 * Hartley Solicitors. Used by the local run and by tests; none of these people exist.
 */
public final class DemoUsers {

    public static final String AUDIENCE = "rapport-api";
    public static final String ORGANISATION = "org-northbridge";
    public static final String LAW_FIRM = "org-hartley-solicitors";
    public static final String TEAM_NORTH = "team-north";
    public static final String TEAM_SOUTH = "team-south";

    public static final DemoUser ALICE = new DemoUser("alice", "3f6c2a9e-1b7d-4c1e-9a52-0d3b8e6f7a01",
            "Alice Moreno", "alice@northbridge.example", List.of("case-manager"), ORGANISATION, List.of(TEAM_NORTH));
    public static final DemoUser BILAL = new DemoUser("bilal", "8a1d4e2f-5c3b-4f6a-8e9d-1c2b3a4d5e02",
            "Bilal Rahman", "bilal@northbridge.example", List.of("case-manager"), ORGANISATION, List.of(TEAM_SOUTH));
    public static final DemoUser TARA = new DemoUser("tara", "c5e7f9a1-2b4d-4e6f-8a0c-3d5f7b9e1c03",
            "Tara Okafor", "tara@northbridge.example", List.of("team-lead"), ORGANISATION, List.of(TEAM_NORTH));
    public static final DemoUser THEO = new DemoUser("theo", "d2f4a6c8-3e5b-4a7d-9c1e-5f7b9d1a3e04",
            "Theo Lindqvist", "theo@northbridge.example", List.of("therapist"), ORGANISATION, List.of(TEAM_NORTH));
    public static final DemoUser SAM = new DemoUser("sam", "e9b1d3f5-4a6c-4b8e-a0d2-7b9d1f3a5c05",
            "Sam Whitfield", "sam@northbridge.example", List.of("support-worker"), ORGANISATION, List.of(TEAM_NORTH));
    public static final DemoUser NADIA = new DemoUser("nadia", "1b3d5f7a-9c2e-4f6b-8d0a-2c4e6a8b0d08",
            "Nadia Brennan", "nadia@northbridge.example", List.of("therapist"), ORGANISATION, List.of(TEAM_SOUTH));
    public static final DemoUser KWAME = new DemoUser("kwame", "2c4e6a8b-0d1f-4a3c-9e5b-3d5f7b9c1e09",
            "Kwame Mensah", "kwame@northbridge.example", List.of("support-worker"), ORGANISATION, List.of(TEAM_SOUTH));
    public static final DemoUser SOPHIE = new DemoUser("sophie", "f7a9c1e3-5b7d-4c9f-b1e3-9d1f3b5d7e06",
            "Sophie Hartley", "sophie@hartley-solicitors.example", List.of("solicitor"), LAW_FIRM, List.of());
    public static final DemoUser OMAR = new DemoUser("omar", "a4c6e8b0-6d8f-4e0b-c2f4-1b3d5f7a9c07",
            "Omar Haddad", "omar@northbridge.example", List.of("org-admin"), ORGANISATION, List.of());

    public static final List<DemoUser> ALL = List.of(ALICE, BILAL, TARA, THEO, SAM, NADIA, KWAME, SOPHIE, OMAR);

    private DemoUsers() {
    }

    public static Optional<DemoUser> byUsername(String username) {
        return ALL.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
