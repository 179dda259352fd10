package org.affectiveprocesses.video.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.affectiveprocesses.api.backbone.FaceBox;

/**
 * Follows every detected face through a video, each with a stable track id.
 *
 * <p>Each frame, detections are matched to the tracks of the current shot: a pair qualifies when
 * the detection overlaps the track's last box (IoU ≥ 0.2) or its centre lies within half the last
 * box's side of the last centre; qualifying pairs are taken best first (IoU plus nearness), each
 * track and detection at most once. A matched detection continues its track; an unmatched one
 * starts a new track with a new id at once. A track whose face is missed keeps its id for up to
 * {@code patience} frames, for the face to come back near where it was, and then ends. A shot cut
 * ends every track: the faces of the next shot get new ids in its first frame. Ids are never
 * reused. Not thread-safe: one tracker per video.
 */
public final class FaceTracker {
    /** The default number of frames a missed face keeps its track within a shot. */
    public static final int DEFAULT_PATIENCE = 10;
    private static final double MIN_IOU = 0.2;

    private final int patience;
    private final List<Track> tracks = new ArrayList<>();
    private int lastId;

    /** What one frame did to the tracks. */
    public record Update(List<TrackedFace> faces, List<Integer> ended) {
        /** Copies. */
        public Update {
            faces = List.copyOf(faces);
            ended = List.copyOf(ended);
        }

        /** The largest face of the frame, or null without any. */
        public TrackedFace largest() {
            return faces.stream().max(Comparator.comparingDouble(f -> f.box().area())).orElse(null);
        }
    }

    /** A tracker that keeps a missed face's id for {@value #DEFAULT_PATIENCE} frames. */
    public FaceTracker() {
        this(DEFAULT_PATIENCE);
    }

    /**
     * A tracker.
     *
     * @param patience frames a missed face keeps its track within a shot (≥ 0)
     */
    public FaceTracker(int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
    }

    /**
     * Advances to the next frame.
     *
     * @param detections this frame's face detections
     * @param cut whether a new shot starts with this frame
     * @return the faces of this frame with their track ids (in id order), and the ids of the tracks
     *     that ended before this frame
     */
    public Update update(List<FaceBox> detections, boolean cut) {
        List<Integer> ended = new ArrayList<>();
        if (cut) {
            tracks.forEach(t -> ended.add(t.id));
            tracks.clear();
        }
        boolean[] used = new boolean[detections.size()];
        List<TrackedFace> faces = new ArrayList<>();
        for (Pair p : candidates(detections)) {
            if (!used[p.detection] && !p.track.matched) {
                used[p.detection] = true;
                p.track.matched = true;
                p.track.last = detections.get(p.detection);
                p.track.missed = 0;
                faces.add(new TrackedFace(p.track.id, p.track.last));
            }
        }
        for (Track t : new ArrayList<>(tracks)) {
            if (!t.matched && ++t.missed > patience) {
                tracks.remove(t);
                ended.add(t.id);
            }
            t.matched = false;
        }
        for (int d = 0; d < detections.size(); d++) {
            if (!used[d]) {
                Track t = new Track(++lastId, detections.get(d));
                tracks.add(t);
                faces.add(new TrackedFace(t.id, t.last));
            }
        }
        faces.sort(Comparator.comparingInt(TrackedFace::id));
        return new Update(faces, ended);
    }

    private List<Pair> candidates(List<FaceBox> detections) {
        List<Pair> pairs = new ArrayList<>();
        for (Track t : tracks) {
            FaceBox last = t.last;
            double lx = last.x() + last.width() / 2;
            double ly = last.y() + last.height() / 2;
            double reach = 0.5 * Math.sqrt(last.area());
            for (int d = 0; d < detections.size(); d++) {
                FaceBox f = detections.get(d);
                double iou = last.iou(f);
                double dist = Math.hypot(f.x() + f.width() / 2 - lx, f.y() + f.height() / 2 - ly);
                if (iou >= MIN_IOU || dist <= reach) {
                    pairs.add(new Pair(t, d, iou + Math.max(0, 1 - dist / (2 * reach))));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        return pairs;
    }

    /** A track of the current shot. */
    private static final class Track {
        final int id;
        FaceBox last;
        int missed;
        boolean matched;

        Track(int id, FaceBox last) {
            this.id = id;
            this.last = last;
        }
    }

    private record Pair(Track track, int detection, double score) {
    }
}
