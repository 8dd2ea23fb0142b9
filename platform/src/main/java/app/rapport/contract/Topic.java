package app.rapport.contract;

/** One topic per publishing service; records are keyed by client id so each client's events stay in order. */
public enum Topic {
    CLIENTS("rapport.clients.v1"),
    SESSIONS("rapport.sessions.v1"),
    ALLIANCE("rapport.alliance.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    /** Where a consumer group parks records it cannot process. */
    public static String deadLetterTopic(String consumerGroup) {
        return "rapport.dlt." + consumerGroup;
    }
}
