package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;

/**
 * The sequences of a feature store held in memory: least recently used first out, within a
 * budget of bytes (a sequence larger than the whole budget is read but not kept). Thread-safe.
 */
final class SequenceCache {
    private final long budgetBytes;
    private final LinkedHashMap<Path, AffectSequence> resident = new LinkedHashMap<>(16, 0.75f, true);
    private long residentBytes;
    private long loads;

    SequenceCache(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("cache budget must be >= 0 bytes, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * The sequence of a feature file, read if not resident.
     *
     * @throws UncheckedIOException wrapping the reader's error (naming the file)
     */
    synchronized AffectSequence get(Path file) {
        AffectSequence s = resident.get(file);
        if (s != null) {
            return s;
        }
        try {
            s = FeatureFile.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        loads++;
        long size = bytes(s);
        if (size <= budgetBytes) {
            resident.put(file, s);
            residentBytes += size;
            Iterator<Map.Entry<Path, AffectSequence>> it = resident.entrySet().iterator();
            while (residentBytes > budgetBytes && it.hasNext()) {
                Map.Entry<Path, AffectSequence> eldest = it.next();
                residentBytes -= bytes(eldest.getValue());
                it.remove();
            }
        }
        return s;
    }

    /** The number of sequences held. */
    synchronized int residentSequences() {
        return resident.size();
    }

    /** The estimated bytes held. */
    synchronized long residentBytes() {
        return residentBytes;
    }

    /** How many times a file was read. */
    synchronized long loads() {
        return loads;
    }

    /** The budget. */
    long budgetBytes() {
        return budgetBytes;
    }

    /** The memory a sequence's arrays take, estimated from its shape. */
    static long bytes(AffectSequence s) {
        return estimate(s.length(), s.featureSize(), s.labelSize());
    }

    /** The memory of a sequence of T frames, dx features and dy labels. */
    static long estimate(int frames, int featureSize, int labelSize) {
        return (long) frames * (4L * featureSize + 8L * labelSize + 9) + 256;
    }
}
