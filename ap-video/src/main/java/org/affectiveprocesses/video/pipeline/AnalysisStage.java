package org.affectiveprocesses.video.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.landmarks.FaceLandmarker;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.affectiveprocesses.video.pose.CameraIntrinsics;
import org.affectiveprocesses.video.pose.HeadPoseEstimator;
import org.affectiveprocesses.video.tracking.IdentityGuard;
import org.affectiveprocesses.video.tracking.TrackedFace;

/**
 * The second half of the per-frame pipeline: landmarks, head pose, the backbone and the identity
 * check, run on the faces of one or several consecutive frames at once (the networks batch them).
 * On frames the detector skipped, a face's box moves with its landmarks ({@link BoxFollower}).
 * Frames must be given in order. Not thread-safe (one per video); does not own the networks, which
 * stages of several videos may share (they are used by one stage at a time).
 */
public final class AnalysisStage {
    private final FaceLandmarker landmarker;
    private final Backbone backbone;
    private final HeadPoseEstimator poses = new HeadPoseEstimator();
    private final IdentityGuard identities;
    private final FaceCrop crop;
    private final CameraIntrinsics camera;
    private final BoxFollower boxes = new BoxFollower();

    /**
     * @param landmarker finds the landmarks
     * @param backbone encodes the faces
     * @param identities hands out face ids
     * @param crop the part of the frame the backbone sees
     * @param camera the camera, or null for OpenFace's guess from each frame's size
     */
    public AnalysisStage(FaceLandmarker landmarker, Backbone backbone, IdentityGuard identities, FaceCrop crop,
            CameraIntrinsics camera) {
        this.landmarker = Objects.requireNonNull(landmarker, "landmarker");
        this.backbone = Objects.requireNonNull(backbone, "backbone");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.crop = Objects.requireNonNull(crop, "crop");
        this.camera = camera;
    }

    /**
     * Whether the backbone may run on PyTorch: every backbone but the built-in face-expression one,
     * which runs on ONNX Runtime as the landmark network does.
     */
    boolean mayUsePyTorch() {
        return !(backbone instanceof FaceExpressionBackbone);
    }

    /**
     * The analyses of consecutive frames and the time they took.
     *
     * @param frames the frames, in order
     * @param landmarkNanos time spent on landmarks and head poses
     * @param backboneNanos time spent on the backbone and the identity check
     */
    public record Batch(List<FrameAnalysis> frames, long landmarkNanos, long backboneNanos) {
    }

    /**
     * Analyses the faces of consecutive frames.
     *
     * @param frames detected frames, in order, following those given before
     * @return their analyses, in order
     */
    public Batch analyze(List<FrameDetections> frames) {
        synchronized (landmarker) {
            return analyzeNow(frames);
        }
    }

    private Batch analyzeNow(List<FrameDetections> frames) {
        long t0 = System.nanoTime();
        List<FaceLandmarker.Crop> crops = new ArrayList<>();
        for (FrameDetections f : frames) {
            for (TrackedFace face : f.faces()) {
                crops.add(FaceLandmarker.Crop.of(f.frame().image(), FaceLandmarker.cropAround(face.box())));
            }
        }
        List<FaceLandmarks> landmarks = landmarker.locate(crops);
        List<FaceBox> faceBoxes = new ArrayList<>(landmarks.size());
        int k = 0;
        for (FrameDetections f : frames) {
            boxes.end(f.endedTracks());
            for (TrackedFace face : f.faces()) {
                faceBoxes.add(boxes.box(f.detected(), face.id(), face.box(), landmarks.get(k++)));
            }
        }
        long t1 = System.nanoTime();
        List<RgbImage> faceFrames = new ArrayList<>(landmarks.size());
        List<RgbImage.Region> faceRegions = new ArrayList<>(landmarks.size());
        k = 0;
        for (FrameDetections f : frames) {
            RgbImage image = f.frame().image();
            for (int i = 0; i < f.faces().size(); i++, k++) {
                faceFrames.add(image);
                faceRegions.add(image.region(crop.of(faceBoxes.get(k), landmarks.get(k))));
            }
        }
        List<FrameEncoding> encodings = backbone.encodeRegions(faceFrames, faceRegions);
        List<FrameAnalysis> out = new ArrayList<>(frames.size());
        long poseNanos = 0;
        k = 0;
        for (FrameDetections f : frames) {
            List<Integer> ended = new ArrayList<>(identities.end(f.endedTracks()));
            List<FaceAnalysis> faces = new ArrayList<>(f.faces().size());
            RgbImage image = f.frame().image();
            CameraIntrinsics cam = camera != null ? camera : CameraIntrinsics.guess(image.width(), image.height());
            for (TrackedFace face : f.faces()) {
                IdentityGuard.Identity id = identities.identify(face.id(), f.frame().index(),
                        encodings.get(k).features());
                if (id.endedId() != 0) {
                    ended.add(id.endedId());
                }
                long p0 = System.nanoTime();
                FaceLandmarks l = landmarks.get(k);
                faces.add(new FaceAnalysis(new TrackedFace(id.id(), faceBoxes.get(k)), l,
                        poses.estimate(l, cam).orElse(null), encodings.get(k)));
                poseNanos += System.nanoTime() - p0;
                k++;
            }
            faces.sort(Comparator.comparingInt(FaceAnalysis::id));
            out.add(new FrameAnalysis(f.frame().index(), f.frame().seconds(), f.shotCut(), faces, ended));
        }
        long t2 = System.nanoTime();
        return new Batch(out, t1 - t0 + poseNanos, t2 - t1 - poseNanos);
    }
}
