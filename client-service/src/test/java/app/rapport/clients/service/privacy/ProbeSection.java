package app.rapport.clients.service.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/**
 * A section that exists only in tests: shows that export and erasure really go through every bean,
 * and can be told to fail one client's erasure to prove that erasure is all or nothing. Its name sorts
 * after "case" and before "profile", so it fails after one section has erased and before another.
 */
@ApplicationScoped
public class ProbeSection implements PersonalDataSection {

    static volatile UUID failErasureOf;

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public Object export(UUID clientId) {
        return Map.of("clientId", clientId);
    }

    @Override
    public void erase(UUID clientId) {
        if (clientId.equals(failErasureOf)) {
            throw new IllegalStateException("probe section refuses to erase " + clientId);
        }
    }
}
