package org.onemind.infra;

import java.util.Set;
import java.util.TreeSet;

/** Reads a service's {@code /q/metrics} answer (Prometheus text or OpenMetrics) as the alerts would. */
public final class PrometheusScrape {
    private PrometheusScrape() {}

    /**
     * The sum of the samples of {@code metric} whose labels contain {@code labelFragment} (e.g.
     * {@code consumer="x"}; empty for any); NaN when a sample is NaN, 0 when there is none.
     */
    public static double sum(String scrape, String metric, String labelFragment) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .filter(line -> line.contains(labelFragment))
                .mapToDouble(line -> {
                    // The value follows the labels; an exemplar (" # {...}") may follow the value.
                    int labelsEnd = line.startsWith(metric + "{") ? line.indexOf('}') + 1 : metric.length();
                    return Double.parseDouble(line.substring(labelsEnd).trim().split(" ")[0]);
                })
                .sum();
    }

    /** The names of the series in a scrape. */
    public static Set<String> names(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }
}
