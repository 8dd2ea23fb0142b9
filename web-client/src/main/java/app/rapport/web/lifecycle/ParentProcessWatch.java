package app.rapport.web.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Started by the local run, the web client exits when that launcher disappears (onExit needs no polling). */
@ApplicationScoped
public class ParentProcessWatch {

    @ConfigProperty(name = "rapport.parent-pid")
    Optional<Long> parentPid;

    void onStart(@Observes StartupEvent event) {
        parentPid.flatMap(ProcessHandle::of).ifPresent(parent -> parent.onExit().thenRun(() -> Quarkus.asyncExit(0)));
    }
}
