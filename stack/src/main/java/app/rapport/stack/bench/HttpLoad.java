package app.rapport.stack.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A load generator for one service over keep-alive HTTP/1.1 connections, on a Vert.x event loop so
 * that it takes little of the CPU it shares with the platform.
 * <ul>
 * <li>Closed loop: each virtual user sends its next request when the previous one answered; finds the
 * maximum throughput.</li>
 * <li>Open loop: requests are due at a fixed rate whatever the answers, and each latency counts from
 * when the request was due, so a stalled server cannot hide its queue (no coordinated omission).</li>
 * </ul>
 */
final class HttpLoad implements AutoCloseable {

    /** One request; {@code body} null for none; {@code onAnswer}, if any, is given the body of a 2xx answer. */
    record Request(HttpMethod method, String path, String bearerToken, String body, Consumer<String> onAnswer) {

        static Request get(String path, String token) {
            return new Request(HttpMethod.GET, path, token, null, null);
        }

        static Request post(String path, String token, String body) {
            return new Request(HttpMethod.POST, path, token, body, null);
        }

        Request answeredTo(Consumer<String> consumer) {
            return new Request(method, path, bearerToken, body, consumer);
        }
    }

    /** What a run achieved: answers by status (0 = no answer), latencies of the 2xx ones. */
    record Outcome(Map<Integer, Integer> statuses, Latencies latencies, Duration elapsed) {

        int succeeded() {
            return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
        }

        int failed() {
            return statuses.values().stream().mapToInt(Integer::intValue).sum() - succeeded();
        }

        double perSecond() {
            return succeeded() / (elapsed.toNanos() / 1e9);
        }
    }

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String host;
    private final int port;

    HttpLoad(Vertx vertx, String baseUrl, int maxConnections) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /**
     * {@code users} virtual users, each sending the requests its supplier gives (null: that user is done)
     * one after another, until all are done or {@code limit} has passed.
     */
    Outcome closedLoop(int users, Duration limit, IntFunction<Supplier<Request>> requestsOfUser) throws InterruptedException {
        Run run = new Run();
        CountDownLatch finished = new CountDownLatch(users);
        long deadline = System.nanoTime() + limit.toNanos();
        long started = System.nanoTime();
        for (int user = 0; user < users; user++) {
            Supplier<Request> requests = requestsOfUser.apply(user);
            new Runnable() {
                @Override
                public void run() {
                    Request next = System.nanoTime() < deadline ? requests.get() : null;
                    if (next == null) {
                        finished.countDown();
                        return;
                    }
                    send(next, System.nanoTime(), run).onComplete(done -> this.run());
                }
            }.run();
        }
        if (!finished.await(limit.plus(ANSWER_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("Virtual users still waiting for answers after " + ANSWER_TIMEOUT);
        }
        return run.outcome(Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Sends {@code perSecond} requests a second for {@code duration}; {@code requestDueAt} builds the
     * request due at a {@link System#nanoTime()} instant. Waits for the last answers.
     */
    Outcome openLoop(double perSecond, Duration duration, LongFunction<Request> requestDueAt) throws InterruptedException {
        Run run = new Run();
        AtomicInteger outstanding = new AtomicInteger();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long due = start; due < end; due += interval) {
            while (System.nanoTime() < due) {
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            outstanding.incrementAndGet();
            send(requestDueAt.apply(due), due, run).onComplete(done -> outstanding.decrementAndGet());
        }
        long waitUntil = System.nanoTime() + ANSWER_TIMEOUT.toNanos();
        while (outstanding.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        return run.outcome(Duration.ofNanos(end - start));
    }

    /** Latency counts from {@code dueAt}: the moment the request was due, not when a connection became free. */
    private Future<Integer> send(Request request, long dueAt, Run run) {
        RequestOptions options = new RequestOptions().setHost(host).setPort(port).setMethod(request.method())
                .setURI(request.path()).setTimeout(ANSWER_TIMEOUT.toMillis());
        if (request.bearerToken() != null) {
            options.putHeader("Authorization", "Bearer " + request.bearerToken());
        }
        if (request.body() != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return client.request(options)
                .compose(call -> request.body() == null ? call.send() : call.send(Buffer.buffer(request.body())))
                .compose(response -> response.body().map(body -> {
                    if (request.onAnswer() != null && response.statusCode() / 100 == 2) {
                        request.onAnswer().accept(body.toString());
                    }
                    return response.statusCode();
                }))
                .andThen(answer -> run.record(answer.succeeded() ? answer.result() : 0, System.nanoTime() - dueAt));
    }

    @Override
    public void close() {
        client.close();
    }

    /** Tallies of one run. */
    private static final class Run {
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final Latencies latencies = new Latencies();

        synchronized void record(int status, long nanos) {
            statuses.merge(status, 1, Integer::sum);
            if (status / 100 == 2) {
                latencies.add(nanos);
            }
        }

        synchronized Outcome outcome(Duration elapsed) {
            return new Outcome(new TreeMap<>(statuses), latencies, elapsed);
        }
    }
}
