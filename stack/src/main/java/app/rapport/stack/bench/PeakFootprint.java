package app.rapport.stack.bench;

import app.rapport.stack.Platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Samples the platform's memory every two seconds in the background and keeps the peaks. */
final class PeakFootprint implements AutoCloseable {

    static final String TOTAL = "whole platform";

    private final Platform platform;
    private final Map<String, Footprint.Memory> peaks = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private PeakFootprint(Platform platform) {
        this.platform = platform;
        this.sampler = new Thread(this::sample, "footprint-sampler");
        sampler.setDaemon(true);
    }

    static PeakFootprint start(Platform platform) {
        PeakFootprint footprint = new PeakFootprint(platform);
        footprint.sampler.start();
        return footprint;
    }

    private void sample() {
        while (running) {
            Map<String, Footprint.Memory> now = Footprint.of(platform);
            synchronized (peaks) {
                Footprint.Memory total = Footprint.Memory.NONE;
                for (var part : now.entrySet()) {
                    peaks.merge(part.getKey(), part.getValue(), PeakFootprint::larger);
                    total = total.plus(part.getValue());
                }
                peaks.merge(TOTAL, total, PeakFootprint::larger);
            }
            try {
                Thread.sleep(2000); // reading every process's memory map costs CPU the platform could use
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Footprint.Memory larger(Footprint.Memory a, Footprint.Memory b) {
        return new Footprint.Memory(Math.max(a.rssKb(), b.rssKb()), Math.max(a.pssKb(), b.pssKb()));
    }

    Map<String, Footprint.Memory> peaks() {
        synchronized (peaks) {
            return new LinkedHashMap<>(peaks);
        }
    }

    /** Rows of process, peak RSS and peak PSS in MB, for {@link Report#table}. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        peaks().forEach((part, memory) -> rows.add(List.of(part, Long.toString(memory.rssKb() / 1024),
                Long.toString(memory.pssKb() / 1024))));
        return rows;
    }

    static final List<String> HEADERS = List.of("process", "peak RSS MB", "peak PSS MB");

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
