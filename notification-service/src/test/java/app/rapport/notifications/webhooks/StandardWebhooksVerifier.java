package app.rapport.notifications.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * The receiving side of the Standard Webhooks scheme, written from the specification for the tests
 * (it shares no code with the service): the signed content is {@code id.timestamp.body}, the key is
 * the base64 after {@code whsec_}, the header holds space-separated {@code v1,<base64>} signatures,
 * and a timestamp more than five minutes away is refused.
 */
final class StandardWebhooksVerifier {

    private static final long TOLERANCE_SECONDS = 300;

    private StandardWebhooksVerifier() {
    }

    static boolean verify(String secret, String id, String timestamp, String signatureHeader, String body) {
        if (secret == null || !secret.startsWith("whsec_") || id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long sentAt = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given = Base64.getDecoder().decode(versioned.substring(comma + 1));
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }
}
