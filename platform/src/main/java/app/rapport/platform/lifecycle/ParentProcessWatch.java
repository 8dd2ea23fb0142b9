package app.rapport.platform.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * When a launcher starts this service as a child process (the local stack, system tests), it passes
 * its pid; the service shuts down by itself if the launcher disappears, so nothing is left running.
 * Unset in production.
 */
@ApplicationScoped
public class ParentProcessWatch {

    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    @ConfigProperty(name = "rapport.parent-pid")
    Optional<Long> parentPid;

    void onStart(@Observes StartupEvent event) {
        parentPid.flatMap(ProcessHandle::of).ifPresent(parent -> {
            Thread watch = new Thread(() -> {
                while (parent.isAlive()) {
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                LOG.info("Launcher process has gone; shutting down");
                Quarkus.asyncExit(0);
            }, "parent-process-watch");
            watch.setDaemon(true);
            watch.start();
        });
    }
}
