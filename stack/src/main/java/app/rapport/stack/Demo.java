package app.rapport.stack;

import java.util.List;

/**
 * The whole demo, loaded through the public APIs in the order the services need it: the directory and
 * clients, the session series, the alliance histories (recorded before the history's attendance so the
 * stories come out as written), then attendance and cancellations.
 */
public record Demo(List<DemoData.CreatedClient> clients, List<DemoAlliance.Story> stories, int sessionsBooked) {

    public static Demo load(Platform platform) throws Exception {
        List<DemoData.CreatedClient> clients =
                new DemoData(platform.issuer(), platform.serviceUrl("client-service")).load();
        DemoSessions sessions = new DemoSessions(platform.issuer(), platform.serviceUrl("session-service"),
                platform.serviceUrl("client-service"));
        List<DemoSessions.BookedSeries> series = sessions.book(clients);
        List<DemoAlliance.Story> stories = new DemoAlliance(platform.issuer(), platform.serviceUrl("alliance-service"))
                .load(clients, series);
        int booked = sessions.recordOutcomes(series);
        return new Demo(clients, stories, booked);
    }
}
