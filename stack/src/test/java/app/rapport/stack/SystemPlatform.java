package app.rapport.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import app.rapport.devkit.testing.SharedInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One running platform for every system test class in the JVM: started by the first class that asks
 * for it and closed when the test run ends, so the four services boot once. Besides the platform's
 * own settings, notification-service sends email to a real SMTP server started here (GreenMail) and
 * may deliver webhooks over plain http to loopback receivers, with short retry delays.
 *
 * <pre>{@code @ExtendWith(SystemPlatform.class) class SomeSystemTest { ... SystemPlatform.get() ... } }</pre>
 */
public final class SystemPlatform implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemPlatform.class);
    private static volatile Running running;

    /** The platform and what was started alongside it; closing stops them all. */
    record Running(Platform platform, GreenMail smtp) implements AutoCloseable {
        @Override
        public void close() {
            try {
                platform.close();
            } finally {
                smtp.stop();
                running = null;
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> start(), Running.class);
    }

    /** The running platform; only valid inside a class extended with this extension. */
    public static Platform platform() {
        return require().platform();
    }

    /** The SMTP server notification-service sends email to. */
    public static GreenMail smtp() {
        return require().smtp();
    }

    private static Running require() {
        Running current = running;
        if (current == null) {
            throw new IllegalStateException("No platform: extend the test class with SystemPlatform");
        }
        return current;
    }

    private static Running start() {
        GreenMail smtp = new GreenMail(new ServerSetup(SharedInfrastructure.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Path repository = Path.of("..").toAbsolutePath().normalize();
            // Generous: on a busy two-core machine four JVMs booting side by side can take minutes.
            PlatformOptions options = PlatformOptions.freePorts(Path.of("target", "system-test").toAbsolutePath(), repository)
                    .withReadinessTimeout(Duration.ofMinutes(5))
                    .withServiceEnvironment("notification-service", notificationSettings(smtp));
            long started = System.nanoTime();
            Platform platform = Platform.start(options, message -> System.out.println("[system-test] " + message));
            System.out.printf("[system-test] all four services ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            running = new Running(platform, smtp);
            return running;
        } catch (Exception e) {
            smtp.stop();
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        }
    }

    /** Email to the test's SMTP server, webhooks to loopback receivers, and retries quick enough for a test. */
    private static Map<String, String> notificationSettings(GreenMail smtp) {
        return Map.of(
                "RAPPORT_SMTP_HOST", "127.0.0.1",
                "RAPPORT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "RAPPORT_SMTP_STARTTLS", "DISABLED",
                "RAPPORT_NOTIFICATIONS_EMAIL_POLL_INTERVAL", "300ms",
                "RAPPORT_NOTIFICATIONS_WEBHOOKS_ALLOW_HTTP_LOOPBACK", "true",
                "RAPPORT_NOTIFICATIONS_WEBHOOKS_POLL_INTERVAL", "200ms",
                "RAPPORT_NOTIFICATIONS_WEBHOOKS_INITIAL_BACKOFF", "PT0.5S",
                "RAPPORT_NOTIFICATIONS_WEBHOOKS_MAX_BACKOFF", "PT2S",
                "RAPPORT_NOTIFICATIONS_WEBHOOKS_TIMEOUT", "PT2S");
    }
}
