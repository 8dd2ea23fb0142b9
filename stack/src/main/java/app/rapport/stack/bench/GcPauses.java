package app.rapport.stack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Seconds a service has spent in garbage-collection pauses, from its Prometheus metrics: what a heap size costs. */
final class GcPauses {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GcPauses() {
    }

    static double seconds(String managementUrl) throws IOException, InterruptedException {
        HttpRequest metrics = HttpRequest.newBuilder(URI.create(managementUrl + "/q/metrics")).timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(metrics, HttpResponse.BodyHandlers.ofString()).body().lines()
                .filter(line -> line.startsWith("jvm_gc_pause_seconds_sum"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
