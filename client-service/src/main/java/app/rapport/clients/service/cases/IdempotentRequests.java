package app.rapport.clients.service.cases;

import app.rapport.clients.domain.IdempotencyKey;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} handling for integrating systems: the first request with a key records
 * what it created; a retry with the same key and request gets that back; the same key with a
 * different request is refused, since it can only be a bug on the caller's side.
 */
@ApplicationScoped
public class IdempotentRequests {

    /** Printable ASCII, as in the IETF Idempotency-Key draft's examples (UUIDs, ULIDs, hashes). */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");

    public static String validKey(String header) {
        if (header == null) {
            return null;
        }
        if (!KEY.matcher(header).matches()) {
            throw ProblemException.invalidField("Idempotency-Key", "must be 1 to 200 printable ASCII characters without spaces");
        }
        return header;
    }

    /** What a request with this key created before, if it was the same request. Call after locking the client's case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> earlierResult(UUID clientId, String operation, String key, String fingerprint) {
        Optional<IdempotencyKey> earlier = IdempotencyKey.find(clientId, operation, key);
        if (earlier.isPresent() && !earlier.get().fingerprint.equals(fingerprint)) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key already used",
                    "Idempotency-Key " + key + " was already used for a different request on this client; "
                            + "send a new key for a new request"));
        }
        return earlier.map(k -> k.resourceId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(UUID clientId, String operation, String key, String fingerprint, UUID resourceId) {
        IdempotencyKey record = new IdempotencyKey();
        record.id = UUID.randomUUID();
        record.clientId = clientId;
        record.operation = operation;
        record.key = key;
        record.fingerprint = fingerprint;
        record.resourceId = resourceId;
        record.createdAt = Instant.now();
        record.persist();
    }

    /** SHA-256 over the parts, each length-prefixed so that no two different requests share a fingerprint. */
    public static String fingerprint(Object... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
