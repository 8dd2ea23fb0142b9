package app.rapport.notifications.webhooks;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * The closed vocabulary an attempt's error is recorded in. The delivery log is read by the firm that owns the
 * subscription, so it must not learn addresses, exception types or other detail of Rapport's network from it.
 */
enum AttemptError {
    DESTINATION_NOT_ALLOWED("destination not allowed"),
    HOST_NOT_FOUND("host not found"),
    CONNECTION_REFUSED("connection refused"),
    HOST_UNREACHABLE("host unreachable"),
    TIMED_OUT("timed out"),
    TLS_HANDSHAKE_FAILED("TLS handshake failed"),
    INVALID_RESPONSE("invalid response"),
    CONNECTION_FAILED("connection failed"),
    INTERRUPTED("interrupted");

    final String text;

    AttemptError(String text) {
        this.text = text;
    }

    /** An answer outside 2xx. */
    static String status(int code) {
        return "HTTP " + code;
    }

    static AttemptError of(IOException failure) {
        if (failure instanceof InterruptedIOException) {
            return TIMED_OUT; // SocketTimeoutException, on connect or while waiting for the answer
        }
        if (failure instanceof SSLException) {
            return TLS_HANDSHAKE_FAILED;
        }
        if (failure instanceof ConnectException) {
            return CONNECTION_REFUSED;
        }
        if (failure instanceof NoRouteToHostException) {
            return HOST_UNREACHABLE;
        }
        if (failure instanceof UnknownHostException) {
            return HOST_NOT_FOUND;
        }
        if (failure instanceof PinnedPost.MalformedAnswer) {
            return INVALID_RESPONSE;
        }
        return CONNECTION_FAILED;
    }
}
