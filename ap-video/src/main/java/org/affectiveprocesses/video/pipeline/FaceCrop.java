package org.affectiveprocesses.video.pipeline;

import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.backbone.expression.FaceExpressionBackbone;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;

/** Which part of the frame the backbone is given for a face. */
public enum FaceCrop {
    /** A square around the detector's box, side = its longer side. */
    DETECTOR_BOX,
    /**
     * The face aligned by its landmarks as face-api crops it for its expression network: the
     * landmarks' bounds grown by 20% of their size ({@link FaceLandmarks#alignedBox}).
     */
    LANDMARKS;

    /** The crop for a face with this detector box and these landmarks. */
    public FaceBox of(FaceBox detection, FaceLandmarks landmarks) {
        return this == DETECTOR_BOX ? FaceExpressionBackbone.squareAround(detection)
                : landmarks.alignedBox(detection.confidence());
    }
}
