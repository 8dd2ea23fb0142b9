package app.rapport.devkit.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs the Kafka broker and exits as soon as the parent process goes away (its end of stdin
 * closes), so a killed test run or local stack never leaves a broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(BrokerMain::exitWhenParentGone, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentGone() {
        InputStream parent = System.in;
        try {
            while (parent.read() >= 0) {
                // Ignore anything the parent writes; only end-of-stream matters.
            }
        } catch (IOException ignored) {
            // A broken pipe means the parent is gone as well.
        }
        Runtime.getRuntime().halt(0);
    }
}
