package org.affectiveprocesses.video.tracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made ground truth of the faces visible in a video (megamind-faces.csv): per frame range,
 * who is visible and a coarse region holding their face.
 *
 * @param spans the rows, one person in one frame range (a shot)
 */
public record FaceGroundTruth(List<Span> spans) {

    /**
     * One person visible over a frame range.
     *
     * @param first first frame (from 0)
     * @param last last frame, inclusive
     * @param person who it is
     * @param x region left
     * @param y region top
     * @param width region width
     * @param height region height
     */
    public record Span(int first, int last, String person, double x, double y, double width, double height) {
        /** Whether the span covers the frame and the point lies in its region. */
        public boolean holds(int frame, double px, double py) {
            return frame >= first && frame <= last && px >= x && px <= x + width && py >= y && py <= y + height;
        }
    }

    /** Reads a ground-truth file from the classpath, next to this class. */
    public static FaceGroundTruth read(String resource) throws IOException {
        List<Span> spans = new ArrayList<>();
        try (InputStream in = FaceGroundTruth.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no ground truth " + resource + " on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    if (!line.equals("first,last,person,x,y,width,height")) {
                        throw new IOException(resource + ": unexpected header " + line);
                    }
                    continue;
                }
                String[] f = line.split(",");
                spans.add(new Span(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        }
        return new FaceGroundTruth(List.copyOf(spans));
    }

    /** The number of (person, frame) pairs in which a face is visible. */
    public int visibleFaceFrames() {
        return spans.stream().mapToInt(s -> s.last() - s.first() + 1).sum();
    }
}
