package org.affectiveprocesses.video.tracking;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a face id from passing to another person: the ids the recognizer reports are handed out
 * here. A track followed from one frame to the next keeps its id. When a track's face comes back
 * after frames in which it was missed (where the tracker may have joined another person's face to
 * it), its backbone embedding is compared (cosine similarity of the L2-normalised vectors) with the
 * mean of the track's last {@value #HISTORY} embeddings; below the threshold (default
 * {@value #DEFAULT_THRESHOLD}) the track continues under a new id. The expression embedding tells
 * people apart poorly (docs/video.md: on Megamind.avi the same face within a shot comes down to
 * 0.46, different people across its cuts reach 0.49-0.68), so the check catches only faces that
 * look very different, and it is not made between consecutive frames, where an expression change
 * (a blink) would otherwise start a new id; shot cuts, which end every track, and ids that are
 * never reused carry the guarantee. Ids are handed out from 1 in order of first report: a person
 * who comes back after their track ended gets a new id. Not thread-safe: one per video.
 */
public final class IdentityGuard {
    /** The default lowest similarity to the track's recent appearance that keeps the id. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** The number of recent embeddings a track's appearance averages. */
    public static final int HISTORY = 10;

    private final double threshold;
    private final Map<Integer, Appearance> byTrack = new HashMap<>();
    private int lastId;

    /** A guard with the default threshold. */
    public IdentityGuard() {
        this(DEFAULT_THRESHOLD);
    }

    /**
     * A guard.
     *
     * @param threshold the lowest cosine similarity, in [-1, 1), that keeps a track's id
     */
    public IdentityGuard(double threshold) {
        if (!(threshold >= -1 && threshold < 1)) {
            throw new IllegalArgumentException("the identity threshold is a cosine similarity in [-1, 1), got "
                    + threshold);
        }
        this.threshold = threshold;
    }

    /** The id given to a face, and the id it ended (0 when none). */
    public record Identity(int id, int endedId) {
    }

    /**
     * The id of a track's face in a frame.
     *
     * @param trackId the tracker's id
     * @param frame the frame's index (frames of a track come in order)
     * @param embedding the face's backbone embedding
     * @return the face's id, and the id that ended because the appearance changed (0 if none)
     * @throws IllegalArgumentException if the embedding is empty or not finite
     */
    public Identity identify(int trackId, int frame, float[] embedding) {
        float[] e = normalised(embedding);
        Appearance a = byTrack.get(trackId);
        int ended = 0;
        if (a != null && frame > a.lastFrame + 1 && a.similarity(e) < threshold) {
            ended = a.id;
            a = null;
        }
        if (a == null) {
            a = new Appearance(++lastId, e.length);
            byTrack.put(trackId, a);
        }
        a.add(e);
        a.lastFrame = frame;
        return new Identity(a.id, ended);
    }

    /**
     * Forgets ended tracks.
     *
     * @param trackIds the tracker's ids of tracks that ended
     * @return the face ids those tracks had (tracks never identified have none)
     */
    public List<Integer> end(List<Integer> trackIds) {
        List<Integer> out = new ArrayList<>();
        for (int t : trackIds) {
            Appearance a = byTrack.remove(t);
            if (a != null) {
                out.add(a.id);
            }
        }
        return out;
    }

    private static float[] normalised(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        if (v.length == 0 || !Double.isFinite(s)) {
            throw new IllegalArgumentException("an embedding needs finite values, got " + v.length + " values");
        }
        double n = Math.sqrt(s);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = n == 0 ? 0 : (float) (v[i] / n);
        }
        return out;
    }

    /** A track's recent appearance under one id. */
    private static final class Appearance {
        final int id;
        final Deque<float[]> recent = new ArrayDeque<>();
        final double[] sum;
        int lastFrame = Integer.MIN_VALUE;

        Appearance(int id, int size) {
            this.id = id;
            this.sum = new double[size];
        }

        double similarity(float[] e) {
            if (e.length != sum.length) {
                throw new IllegalArgumentException("embedding of " + e.length + " values, the track's have " + sum.length);
            }
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < sum.length; i++) {
                dot += sum[i] * e[i];
                norm += sum[i] * sum[i];
            }
            return norm == 0 ? 1 : dot / Math.sqrt(norm);
        }

        void add(float[] e) {
            recent.addLast(e);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += e[i];
            }
            if (recent.size() > HISTORY) {
                float[] old = recent.removeFirst();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] -= old[i];
                }
            }
        }
    }
}
