package io.slicer.policy.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a model came from. {@code trainedAt} is the date the trainer was told (never read from the clock, so two runs
 * with one seed write identical files). {@code extra} is copied into a sorted map so cards serialise in one order.
 */
public record Provenance(String algorithm, String scenario, long seed, String trainedAt, String codeVersion,
                         Map<String, String> extra) {
    public Provenance {
        final SortedMap<String, String> sorted = new TreeMap<>();
        if (extra != null) {
            sorted.putAll(extra);
        }
        extra = Collections.unmodifiableSortedMap(sorted);
    }
}
