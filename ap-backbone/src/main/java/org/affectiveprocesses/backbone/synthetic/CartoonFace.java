package org.affectiveprocesses.backbone.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * A simple drawn face: an expression (smile, eye opening, brow raise, mouth opening and width,
 * plus intensity marks) and nuisance (position, size, in-plane rotation, skin and background
 * colour, lighting, pixel noise). It yields the 68 landmarks in the iBUG 300-W layout (jaw 0-16,
 * brows 17-26, nose 27-35, eyes 36-47, mouth 48-67) and draws the face from those same points,
 * so the landmarks are exact.
 */
final class CartoonFace {
    /** Landmarks in the iBUG layout. */
    static final int LANDMARKS = 68;

    private final double smile;
    private final double eyeOpen;
    private final double browRaise;
    private final double mouthOpen;
    private final double mouthWidth;
    private final double[] marks;
    private final double cx;
    private final double cy;
    private final double scale;
    private final double angle;
    private final Color skin;
    private final Color background;
    private final double light;
    private final long noiseSeed;

    /**
     * @param smile mouth-corner lift in [-1, 1]
     * @param eyeOpen eye opening in [0, 1]
     * @param browRaise brow raise in [-1, 1]
     * @param mouthOpen mouth opening in [0, 1]
     * @param mouthWidth mouth width change in [-1, 1]
     * @param marks opacities in [0, 1] of dark marks at fixed places of the face (up to 8)
     * @param random the source of the nuisance
     */
    CartoonFace(double smile, double eyeOpen, double browRaise, double mouthOpen, double mouthWidth, double[] marks,
            Random random) {
        this.smile = smile;
        this.eyeOpen = eyeOpen;
        this.browRaise = browRaise;
        this.mouthOpen = mouthOpen;
        this.mouthWidth = mouthWidth;
        this.marks = marks.clone();
        cx = 0.5 + (random.nextDouble() - 0.5) * 0.08;
        cy = 0.5 + (random.nextDouble() - 0.5) * 0.08;
        scale = 0.9 + random.nextDouble() * 0.15;
        angle = Math.toRadians((random.nextDouble() - 0.5) * 20);
        float tone = 0.45f + random.nextFloat() * 0.45f;
        skin = new Color(Math.min(1f, tone + 0.15f), tone * 0.85f, tone * 0.7f);
        background = new Color(random.nextFloat(), random.nextFloat(), random.nextFloat());
        light = (random.nextDouble() - 0.5) * 0.4;
        noiseSeed = random.nextLong();
    }

    /** The 68 landmarks as x, y in pixels of a {@code size × size} image. */
    float[] landmarks(int size) {
        double[] p = points();
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) (p[i] * size - 0.5);
        }
        return out;
    }

    /** Draws the face on a {@code size × size} image. */
    RgbImage render(int size) {
        double[] p = points();
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(background);
            g.fillRect(0, 0, size, size);
            g.setColor(skin);
            g.fill(outline(size));
            g.setColor(new Color(70, 45, 30));
            g.setStroke(new BasicStroke(Math.max(1f, size / 45f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(polyline(p, 17, 21, size, false));
            g.draw(polyline(p, 22, 26, size, false));
            g.setStroke(new BasicStroke(Math.max(1f, size / 90f)));
            g.draw(polyline(p, 27, 30, size, false));
            g.draw(polyline(p, 31, 35, size, false));
            for (int eye = 36; eye <= 42; eye += 6) {
                g.setColor(Color.WHITE);
                g.fill(polyline(p, eye, eye + 5, size, true));
                g.setColor(new Color(40, 30, 60));
                double ex = (p[2 * eye] + p[2 * (eye + 3)]) / 2 * size;
                double ey = (p[2 * eye + 1] + p[2 * (eye + 3) + 1]) / 2 * size;
                double r = Math.max(1, size * 0.022 * scale * Math.max(0.3, eyeOpen));
                g.fill(new java.awt.geom.Ellipse2D.Double(ex - r, ey - r, 2 * r, 2 * r));
                g.draw(polyline(p, eye, eye + 5, size, true));
            }
            g.setColor(new Color(170, 50, 60));
            g.fill(polyline(p, 48, 59, size, true));
            g.setColor(new Color(50, 10, 20));
            g.fill(polyline(p, 60, 67, size, true));
            for (int k = 0; k < marks.length; k++) {
                double mx = cx + (k % 2 == 0 ? -1 : 1) * (0.08 + 0.03 * (k / 2 % 2)) * scale;
                double my = cy + (-0.24 + 0.1 * (k / 2)) * scale;
                g.setColor(new Color(60, 20, 20, (int) Math.round(255 * Math.max(0, Math.min(1, marks[k])))));
                double r = size * 0.03 * scale;
                double[] m = rotate(mx, my);
                g.fill(new java.awt.geom.Ellipse2D.Double(m[0] * size - r, m[1] * size - r, 2 * r, 2 * r));
            }
        } finally {
            g.dispose();
        }
        int[] packed = img.getRGB(0, 0, size, size, null, 0, size);
        lightAndNoise(packed, size);
        return RgbImage.fromPackedRgb(size, size, packed);
    }

    private void lightAndNoise(int[] packed, int size) {
        Random noise = new Random(noiseSeed);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double gain = 1 + light * ((double) x / size - 0.5) * 2;
                int rgb = packed[i];
                int r = channel((rgb >> 16) & 0xFF, gain, noise);
                int gr = channel((rgb >> 8) & 0xFF, gain, noise);
                int b = channel(rgb & 0xFF, gain, noise);
                packed[i] = (r << 16) | (gr << 8) | b;
            }
        }
    }

    private static int channel(int v, double gain, Random noise) {
        return (int) Math.max(0, Math.min(255, Math.round(v * gain + noise.nextGaussian() * 4)));
    }

    private Path2D outline(int size) {
        Path2D path = new Path2D.Double();
        int n = 64;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double[] q = rotate(cx + 0.3 * scale * Math.cos(t), cy + 0.38 * scale * Math.sin(t));
            if (i == 0) {
                path.moveTo(q[0] * size, q[1] * size);
            } else {
                path.lineTo(q[0] * size, q[1] * size);
            }
        }
        path.closePath();
        return path;
    }

    private static Path2D polyline(double[] p, int from, int to, int size, boolean closed) {
        Path2D path = new Path2D.Double();
        path.moveTo(p[2 * from] * size, p[2 * from + 1] * size);
        for (int i = from + 1; i <= to; i++) {
            path.lineTo(p[2 * i] * size, p[2 * i + 1] * size);
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }

    /** The 68 points in unit coordinates. */
    private double[] points() {
        double[] p = new double[2 * LANDMARKS];
        double a = 0.3;
        double b = 0.38;
        for (int i = 0; i <= 16; i++) {
            double phi = Math.PI * i / 16;
            put(p, i, -a * Math.cos(phi), -0.02 + b * Math.sin(phi));
        }
        double brow = -0.17 - 0.035 * browRaise;
        for (int i = 0; i < 5; i++) {
            double u = i / 4.0;
            double arch = -0.02 * Math.sin(Math.PI * u);
            put(p, 17 + i, -0.22 + 0.17 * u, brow + arch);
            put(p, 26 - i, 0.22 - 0.17 * u, brow + arch);
        }
        for (int i = 0; i < 4; i++) {
            put(p, 27 + i, 0, -0.11 + 0.045 * i);
        }
        for (int i = 0; i < 5; i++) {
            put(p, 31 + i, -0.05 + 0.025 * i, 0.06 + 0.012 * (1 - Math.abs(i - 2) / 2.0));
        }
        eye(p, 36, -0.12);
        eye(p, 42, 0.12);
        double mw = 0.12 * (1 + 0.25 * mouthWidth);
        double y0 = 0.19;
        double open = 0.07 * mouthOpen;
        double[] outer = {-1, -0.6, -0.25, 0, 0.25, 0.6, 1, 0.6, 0.25, 0, -0.25, -0.6};
        for (int i = 0; i < 12; i++) {
            double u = outer[i];
            double mid = y0 - 0.05 * smile * u * u;
            double lip = Math.sqrt(Math.max(0, 1 - u * u));
            double y = i <= 6 ? mid - (open / 2 + 0.015) * lip : mid + (open / 2 + 0.02) * lip;
            put(p, 48 + i, mw * u, y);
        }
        double[] inner = {-0.85, -0.3, 0, 0.3, 0.85, 0.3, 0, -0.3};
        for (int i = 0; i < 8; i++) {
            double u = inner[i];
            double mid = y0 - 0.05 * smile * u * u;
            double lip = Math.sqrt(Math.max(0, 1 - u * u));
            double y = i <= 4 ? mid - (open / 2 + 0.002) * lip : mid + (open / 2 + 0.002) * lip;
            put(p, 60 + i, mw * u, y);
        }
        return p;
    }

    private void eye(double[] p, int first, double ex) {
        double w = 0.055;
        double h = 0.01 + 0.03 * eyeOpen;
        double ey = -0.08;
        double[][] shape = {{-w, 0}, {-w / 3, -h}, {w / 3, -h}, {w, 0}, {w / 3, h}, {-w / 3, h}};
        for (int i = 0; i < 6; i++) {
            put(p, first + i, ex + shape[i][0], ey + shape[i][1]);
        }
    }

    private void put(double[] p, int index, double dx, double dy) {
        double[] q = rotate(cx + dx * scale, cy + dy * scale);
        p[2 * index] = q[0];
        p[2 * index + 1] = q[1];
    }

    private double[] rotate(double x, double y) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double dx = x - cx;
        double dy = y - cy;
        return new double[] {cx + c * dx - s * dy, cy + s * dx + c * dy};
    }
}
