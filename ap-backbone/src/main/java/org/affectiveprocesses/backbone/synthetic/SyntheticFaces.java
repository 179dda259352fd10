package org.affectiveprocesses.backbone.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.backbone.fan.FaceSample;
import org.affectiveprocesses.backbone.fan.FanBackbone;
import org.affectiveprocesses.backbone.fan.LandmarkSample;

/**
 * Generated face images whose appearance depends on their labels, so the backbone can be
 * trained, tested and demonstrated without any download. Faces are drawn (head, brows, eyes,
 * nose, lips) from 68 landmarks in the iBUG layout, with random position, size, in-plane
 * rotation (±10°), skin and background colour, lighting and pixel noise. Fully determined by the
 * seed.
 *
 * <ul>
 *   <li>Valence/arousal: v, a uniform in [-1, 1]; valence lifts or drops the mouth corners and
 *       lowers the brows when negative, arousal opens the eyes and (when positive) the mouth and
 *       raises the brows. The emotion class is a fixed partition of the circumplex: {@code
 *       neutral} when √(v² + a²) &lt; 0.3, else by the angle atan2(a, v) in sectors of 60°
 *       centred on 0° (happiness), 60° (surprise), 120° (fear), 180° (anger), 240° (sadness) and
 *       300° (disgust); indices follow {@link FanBackbone#EMOTIONS}.</li>
 *   <li>Action Units: each intensity is 0 with probability 0.5, else uniform in (0, 5]; the
 *       first five dimensions drive smile, eye closing, brow raise, mouth opening and mouth
 *       width, further ones (up to 8 more) the darkness of marks on forehead and cheeks.</li>
 *   <li>Landmarks: the same faces with random expressions and their 68 landmarks.</li>
 * </ul>
 */
public final class SyntheticFaces {
    /** The most Action Units the generator can draw. */
    public static final int MAX_ACTION_UNITS = 13;
    private static final int GEOMETRIC = 5;
    private static final String[] SECTORS = {"happiness", "surprise", "fear", "anger", "sadness", "disgust"};

    private SyntheticFaces() {
    }

    /**
     * Faces labelled with valence, arousal and a basic emotion.
     *
     * @param count the number of faces
     * @param size the image side in pixels (at least 32)
     * @param seed the seed
     */
    public static List<FaceSample> valenceArousal(int count, int size, long seed) {
        check(count, size);
        Random random = new Random(seed);
        List<FaceSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float v = (float) (random.nextDouble() * 2 - 1);
            float a = (float) (random.nextDouble() * 2 - 1);
            CartoonFace face = new CartoonFace(v, 0.5 + 0.5 * a, 0.8 * a + 0.4 * Math.min(0, v), Math.max(0, a),
                    0.3 * v, new double[0], random);
            out.add(new FaceSample(face.render(size), new float[] {v, a}, emotion(v, a)));
        }
        return out;
    }

    /**
     * Faces labelled with Action Unit intensities (normalised to [-1, 1]).
     *
     * @param actionUnits an Action Unit label space of at most {@value #MAX_ACTION_UNITS} units
     * @param count the number of faces
     * @param size the image side in pixels (at least 32)
     * @param seed the seed
     */
    public static List<FaceSample> actionUnits(LabelSpace actionUnits, int count, int size, long seed) {
        check(count, size);
        if (actionUnits.kind() != LabelKind.ACTION_UNITS || actionUnits.size() > MAX_ACTION_UNITS) {
            throw new IllegalArgumentException("need an Action Unit label space of at most " + MAX_ACTION_UNITS
                    + " units, got " + actionUnits);
        }
        Random random = new Random(seed);
        List<FaceSample> out = new ArrayList<>(count);
        int dy = actionUnits.size();
        for (int i = 0; i < count; i++) {
            double[] unit = new double[dy];
            float[] labels = new float[dy];
            for (int d = 0; d < dy; d++) {
                double raw = random.nextBoolean() ? 0 : 5 * (1 - random.nextDouble());
                unit[d] = raw / 5;
                labels[d] = (float) actionUnits.normalize(raw);
            }
            double[] marks = new double[Math.max(0, dy - GEOMETRIC)];
            for (int k = 0; k < marks.length; k++) {
                marks[k] = unit[GEOMETRIC + k];
            }
            CartoonFace face = new CartoonFace(at(unit, 0), 1 - at(unit, 1), at(unit, 2), at(unit, 3),
                    at(unit, 4) * 2 - 1, marks, random);
            out.add(new FaceSample(face.render(size), labels, -1));
        }
        return out;
    }

    /**
     * Faces with random expressions and their 68 landmarks.
     *
     * @param count the number of faces
     * @param size the image side in pixels (at least 32)
     * @param seed the seed
     */
    public static List<LandmarkSample> landmarks(int count, int size, long seed) {
        check(count, size);
        Random random = new Random(seed);
        List<LandmarkSample> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CartoonFace face = new CartoonFace(random.nextDouble() * 2 - 1, random.nextDouble(),
                    random.nextDouble() * 2 - 1, random.nextDouble(), random.nextDouble() * 2 - 1, new double[0],
                    random);
            out.add(new LandmarkSample(face.render(size), face.landmarks(size)));
        }
        return out;
    }

    /**
     * The emotion class the generator assigns to a valence/arousal pair (an index of {@link
     * FanBackbone#EMOTIONS}).
     */
    public static int emotion(double valence, double arousal) {
        if (Math.hypot(valence, arousal) < 0.3) {
            return FanBackbone.EMOTIONS.indexOf("neutral");
        }
        double deg = Math.toDegrees(Math.atan2(arousal, valence));
        int sector = (int) Math.floor(((deg + 30 + 360) % 360) / 60);
        return FanBackbone.EMOTIONS.indexOf(SECTORS[sector]);
    }

    private static double at(double[] unit, int d) {
        return d < unit.length ? unit[d] : 0;
    }

    private static void check(int count, int size) {
        if (count < 0 || size < 32) {
            throw new IllegalArgumentException("need a count >= 0 and a size >= 32, got " + count + " and " + size);
        }
    }
}
