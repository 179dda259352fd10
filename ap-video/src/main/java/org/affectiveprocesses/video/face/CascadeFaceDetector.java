package org.affectiveprocesses.video.face;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * A face detector on one of OpenCV's boosted cascades (Viola-Jones Haar features or LBP), read
 * from the bytedeco OpenCV jar. The frame is turned to grey (ITU-R BT.601 weights), its histogram
 * equalised, and scanned with scale step 1.1 for faces at least 4% of the frame's shorter side.
 * Cascades give no calibrated score: every face is reported with confidence 1. Less accurate than
 * {@link BlazeFaceDetector} (see docs/video.md); kept as an alternative needing no ONNX Runtime.
 * Not thread-safe; close it.
 */
public final class CascadeFaceDetector implements FaceDetector {
    private static final String DIR = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    /** The cascades shipped with OpenCV that find frontal faces. */
    public enum Cascade {
        /** {@code haarcascades/haarcascade_frontalface_alt2.xml}. */
        HAAR_ALT2("haarcascades/haarcascade_frontalface_alt2.xml", 3),
        /** {@code haarcascades/haarcascade_frontalface_default.xml}. */
        HAAR_DEFAULT("haarcascades/haarcascade_frontalface_default.xml", 5),
        /** {@code lbpcascades/lbpcascade_frontalface.xml}. */
        LBP("lbpcascades/lbpcascade_frontalface.xml", 3),
        /** {@code lbpcascades/lbpcascade_frontalface_improved.xml}. */
        LBP_IMPROVED("lbpcascades/lbpcascade_frontalface_improved.xml", 3);

        private final String resource;
        private final int minNeighbours;

        Cascade(String resource, int minNeighbours) {
            this.resource = resource;
            this.minNeighbours = minNeighbours;
        }
    }

    private final CascadeClassifier classifier;
    private final Cascade cascade;

    private CascadeFaceDetector(CascadeClassifier classifier, Cascade cascade) {
        this.classifier = classifier;
        this.cascade = cascade;
    }

    /**
     * Loads a cascade from the OpenCV jar.
     *
     * @param cascade which cascade
     * @return the detector
     * @throws IOException if the cascade is not on the classpath or OpenCV cannot read it
     */
    public static CascadeFaceDetector create(Cascade cascade) throws IOException {
        Path tmp = Files.createTempFile("ap-cascade-", ".xml");
        try {
            try (InputStream in = CascadeFaceDetector.class.getResourceAsStream(DIR + cascade.resource)) {
                if (in == null) {
                    throw new IOException("the OpenCV cascade " + DIR + cascade.resource + " is not on the classpath");
                }
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            CascadeClassifier c = new CascadeClassifier(tmp.toString());
            if (c.empty()) {
                c.close();
                throw new IOException("OpenCV could not read the cascade " + DIR + cascade.resource);
            }
            return new CascadeFaceDetector(c, cascade);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String name() {
        return "cascade-" + cascade.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public List<FaceBox> detect(RgbImage frame) {
        int w = frame.width();
        int h = frame.height();
        byte[] rgb = frame.toBytes();
        byte[] grey = new byte[w * h];
        for (int i = 0; i < grey.length; i++) {
            double v = 0.299 * (rgb[3 * i] & 0xFF) + 0.587 * (rgb[3 * i + 1] & 0xFF) + 0.114 * (rgb[3 * i + 2] & 0xFF);
            grey[i] = (byte) Math.round(v);
        }
        int min = Math.max(20, (int) (Math.min(w, h) * 0.04));
        List<FaceBox> out = new ArrayList<>();
        try (Mat m = new Mat(h, w, opencv_core.CV_8UC1); Mat eq = new Mat(); RectVector found = new RectVector();
                Size minSize = new Size(min, min); Size maxSize = new Size()) {
            m.data().put(grey);
            opencv_imgproc.equalizeHist(m, eq);
            classifier.detectMultiScale(eq, found, 1.1, cascade.minNeighbours, 0, minSize, maxSize);
            for (long i = 0; i < found.size(); i++) {
                try (Rect r = found.get(i)) {
                    out.add(new FaceBox(r.x(), r.y(), r.width(), r.height(), 1.0));
                }
            }
        }
        out.sort(Comparator.comparingDouble(FaceBox::area).reversed());
        return out;
    }

    @Override
    public void close() {
        classifier.close();
    }
}
