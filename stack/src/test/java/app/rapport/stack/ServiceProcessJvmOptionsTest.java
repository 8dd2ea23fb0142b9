package app.rapport.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service JVMs' settings: bounded by default, replaceable whole for measuring others. */
class ServiceProcessJvmOptionsTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty(ServiceProcess.JVM_OPTIONS_PROPERTY);
    }

    @Test
    void byDefaultTheHeapIsBoundedAndStartsSmall() {
        List<String> options = ServiceProcess.jvmOptions();
        assertTrue(options.contains("-Xmx128m"), options::toString);
        assertTrue(options.contains("-Xms32m"), options::toString);
    }

    @Test
    void theOverrideReplacesTheDefaultsAndIsSplitOnAnyWhitespace() {
        System.setProperty(ServiceProcess.JVM_OPTIONS_PROPERTY, "  -Xmx200m\t-XX:+UseG1GC \n");
        assertEquals(List.of("-Xmx200m", "-XX:+UseG1GC"), ServiceProcess.jvmOptions());
    }

    @Test
    void anEmptyOverrideLeavesEveryChoiceToTheJvm() {
        System.setProperty(ServiceProcess.JVM_OPTIONS_PROPERTY, " ");
        assertEquals(List.of(), ServiceProcess.jvmOptions());
    }
}
