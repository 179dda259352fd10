package org.affectiveprocesses.video.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.backbone.TestMedia;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.FrameAffect;
import org.affectiveprocesses.video.pipeline.FaceSelection;

/**
 * Scores the recognizer's face tracks against a hand-made ground truth: a reported face is a
 * person's when its box centre lies in that person's region in that frame.
 *
 * @param framesWithAFace frames in which at least one face is visible
 * @param framesFound those in which a visible person's face was reported
 * @param visible (person, frame) pairs in which a face is visible
 * @param found those in which the person's face was reported
 * @param extra reported faces matching no visible person
 * @param switchesWithinShots times a person's id changed between reported frames of one shot
 * @param idsOnTwoPeople ids reported for more than one person (an id carried over to someone else)
 * @param idsKeptAcrossCuts times a person kept their id from one shot to their next
 * @param shots (person, shot) spans
 * @param foundInFirstFrame spans whose person was reported in the span's first frame
 */
public record TrackingScore(int framesWithAFace, int framesFound, int visible, int found, int extra, int switchesWithinShots, int idsOnTwoPeople,
        int idsKeptAcrossCuts, int shots, int foundInFirstFrame) {

    /** Scores a recognizer on a video. */
    public static TrackingScore of(AffectRecognizer recognizer, Path video, FaceGroundTruth truth) throws IOException {
        List<FaceGroundTruth.Span> spans = truth.spans();
        Map<FaceGroundTruth.Span, List<int[]>> matches = new HashMap<>();
        int extra = 0;
        for (FrameAffect f : recognizer.analyze(video)) {
            if (!f.faceFound()) {
                continue;
            }
            FaceBox b = f.face().orElseThrow();
            FaceGroundTruth.Span hit = null;
            for (FaceGroundTruth.Span s : spans) {
                if (s.holds(f.frame(), b.x() + b.width() / 2, b.y() + b.height() / 2)) {
                    hit = s;
                }
            }
            if (hit == null) {
                extra++;
            } else {
                matches.computeIfAbsent(hit, s -> new ArrayList<>()).add(new int[] {f.frame(), f.faceId()});
            }
        }
        Set<Integer> framesFound = new HashSet<>();
        matches.values().forEach(m -> m.forEach(fm -> framesFound.add(fm[0])));
        Set<Integer> framesWithAFace = new HashSet<>();
        for (FaceGroundTruth.Span s : spans) {
            for (int t = s.first(); t <= s.last(); t++) {
                framesWithAFace.add(t);
            }
        }
        int found = 0;
        int switches = 0;
        int firstFrame = 0;
        Map<Integer, Set<String>> peopleOfId = new HashMap<>();
        Map<String, Set<Integer>> lastIdsOfPerson = new HashMap<>();
        int kept = 0;
        for (FaceGroundTruth.Span s : spans) {
            List<int[]> m = matches.getOrDefault(s, List.of());
            Set<Integer> frames = new HashSet<>();
            Set<Integer> ids = new HashSet<>();
            int lastId = 0;
            for (int[] fm : m) {
                frames.add(fm[0]);
                ids.add(fm[1]);
                peopleOfId.computeIfAbsent(fm[1], i -> new HashSet<>()).add(s.person());
                if (lastId != 0 && fm[1] != lastId) {
                    switches++;
                }
                lastId = fm[1];
            }
            found += frames.size();
            firstFrame += frames.contains(s.first()) ? 1 : 0;
            Set<Integer> before = lastIdsOfPerson.get(s.person());
            if (before != null && before.stream().anyMatch(ids::contains)) {
                kept++;
            }
            lastIdsOfPerson.put(s.person(), ids);
        }
        int onTwo = (int) peopleOfId.values().stream().filter(p -> p.size() > 1).count();
        return new TrackingScore(framesWithAFace.size(), framesFound.size(), truth.visibleFaceFrames(), found, extra, switches, onTwo, kept, spans.size(),
                firstFrame);
    }

    /** A one-line summary. */
    public String summary() {
        return String.format(Locale.ROOT, "frames with a visible face reported as found %d of %d; visible faces"
                + " found in %d of %d (person, frame) pairs (%.1f%%); %d faces"
                + " reported where no one is; id changes within a shot %d; ids given to two people %d; ids kept"
                + " across a cut %d; faces found in the first frame of their shot %d of %d", framesFound,
                framesWithAFace, found, visible,
                100.0 * found / visible, extra, switchesWithinShots, idsOnTwoPeople, idsKeptAcrossCuts,
                foundInFirstFrame, shots);
    }

    /**
     * Prints the tracking figures on Megamind.avi, every face and the largest face of each frame.
     * Run with {@code ap.testMedia} pointing at the fetched test media:
     * {@code mvn -o -q exec:java -pl ap-video -Dexec.classpathScope=test
     * -Dexec.mainClass=org.affectiveprocesses.video.tracking.TrackingScore -Dap.testMedia=ap-video/target/test-media}
     */
    public static void main(String[] args) throws IOException {
        FaceGroundTruth truth = FaceGroundTruth.read("/org/affectiveprocesses/video/face/megamind-faces.csv");
        for (FaceSelection faces : FaceSelection.values()) {
            try (AffectRecognizer r = AffectRecognizer.builder().faces(faces).build()) {
                System.out.println("Megamind.avi, --faces " + faces.name().toLowerCase(Locale.ROOT) + ": "
                        + of(r, TestMedia.file("Megamind.avi"), truth).summary());
            }
        }
    }
}
