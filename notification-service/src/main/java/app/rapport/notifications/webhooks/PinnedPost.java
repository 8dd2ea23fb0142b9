package app.rapport.notifications.webhooks;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 POST to exactly the address that was checked. The socket is opened to that address, so no
 * second DNS lookup can happen; the request carries the URL's host in {@code Host}, and over TLS the URL's host
 * is sent as SNI and the certificate is verified against it (endpoint identification "HTTPS"), as a browser
 * would for the same URL. Only the answer's status line is read (after any interim 1xx); the connection is
 * then closed.
 */
final class PinnedPost {

    /** The receiver answered with something that is not an HTTP status line. */
    static final class MalformedAnswer extends IOException {
        MalformedAnswer() {
            super("not an HTTP answer", null);
        }
    }

    private static final int MAX_LINE = 8192;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?");

    private final SSLSocketFactory tls;
    private final Duration connectTimeout;

    PinnedPost(SSLSocketFactory tls, Duration connectTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
    }

    /** @return the answer's status code */
    int post(UrlPolicy.Destination destination, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        WebhookUrl url = destination.url();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = open(destination)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append("POST ").append(url.target()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.hostHeader()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = status(readLine(in, socket, deadline));
            while (status < 200) { // an interim answer (e.g. 103 Early Hints): skip its headers, read the final one
                while (!readLine(in, socket, deadline).isEmpty()) {
                    // header of the interim answer
                }
                status = status(readLine(in, socket, deadline));
            }
            return status;
        }
    }

    private Socket open(UrlPolicy.Destination destination) throws IOException {
        WebhookUrl url = destination.url();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(destination.address(), url.port()), (int) connectTimeout.toMillis());
            if (!url.https()) {
                return plain;
            }
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, url.host(), url.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (url.literal() == null) {
                parameters.setServerNames(List.of(new SNIHostName(url.host())));
            }
            secure.setSSLParameters(parameters);
            secure.setSoTimeout((int) connectTimeout.toMillis());
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    /** One line of the answer's head, read within the deadline. */
    private static String readLine(InputStream in, Socket socket, long deadline) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) left);
            int next = in.read();
            if (next == -1 || line.length() > MAX_LINE) {
                throw new MalformedAnswer();
            }
            if (next == '\n') {
                return line.toString().strip();
            }
            line.append((char) next);
        }
    }

    /** The code of a status line "HTTP/1.x NNN reason". */
    private static int status(String line) throws MalformedAnswer {
        if (!STATUS_LINE.matcher(line).matches()) {
            throw new MalformedAnswer();
        }
        return Integer.parseInt(line.substring(9, 12));
    }
}
