package org.affectiveprocesses.core.training;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.io.Checksums;

/**
 * What a training checkpoint records of a dataset to recognise it: the dataset's {@link
 * SequenceDataset#identity()} (name and sizes, for messages) and a SHA-256 of everything
 * training reads from it, in order: per sequence its id, subject, length, feature and label
 * sizes, then per frame its features, pseudo-labels, ground truth (NaN where missing, as float32
 * bits, little-endian) and whether it has a face. Two datasets with the same digest give the same
 * training.
 *
 * @param description the dataset's identity, e.g. {@code "train (8 sequences, 2,800 frames, dx 64, va)"}
 * @param sha256 the content digest, 64 lower-case hex digits
 */
public record DatasetIdentity(String description, String sha256) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException if the digest is not 64 lower-case hex digits
     */
    public DatasetIdentity {
        Objects.requireNonNull(description, "description");
        if (!Objects.requireNonNull(sha256, "sha256").matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lower-case hex digits, got '" + sha256 + "'");
        }
    }

    /**
     * Reads a dataset once and digests it.
     *
     * @param data the dataset
     * @return its identity
     */
    public static DatasetIdentity of(SequenceDataset data) {
        MessageDigest md = Checksums.sha256();
        for (AffectSequence s : data) {
            int dx = s.featureSize();
            int dy = s.labelSize();
            text(md, s.id());
            text(md, s.subject());
            md.update(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(s.length()).putInt(dx)
                    .putInt(dy).array());
            ByteBuffer row = ByteBuffer.allocate(4 * (dx + 2 * dy) + 1).order(ByteOrder.LITTLE_ENDIAN);
            FloatBuffer values = row.asFloatBuffer();
            for (int t = 0; t < s.length(); t++) {
                values.clear();
                s.copyFeatures(t, values);
                s.copyPseudoLabels(t, values);
                for (int d = 0; d < dy; d++) {
                    values.put(s.label(t, d));
                }
                row.put(row.capacity() - 1, (byte) (s.isValid(t) ? 1 : 0));
                md.update(row.array());
            }
        }
        return new DatasetIdentity(data.identity(), HexFormat.of().formatHex(md.digest()));
    }

    private static void text(MessageDigest md, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length).array());
        md.update(bytes);
    }
}
