package org.affectiveprocesses.backbone.fan;

import org.affectiveprocesses.api.LabelSpace;

/** Reduced configurations for fast tests: 128 × 128 input, width 8, a one-level hourglass. */
final class TinyNets {
    static final int SIZE = 128;

    private TinyNets() {
    }

    static FanConfig valenceArousal() {
        return FanConfig.paperValenceArousal().withInputSize(SIZE).withWidth(8).withHourglassDepth(1);
    }

    static FanConfig actionUnits() {
        return FanConfig.paperActionUnits(LabelSpace.bp4d()).withInputSize(SIZE).withWidth(8).withHourglassDepth(1);
    }
}
