package org.affectiveprocesses.video.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.junit.jupiter.api.Test;

class FramePoolTest {
    /** A 2 × 1 picture whose six bytes are all {@code value}, in rows 8 bytes apart. */
    private static ByteBuffer picture(int value) {
        ByteBuffer rows = ByteBuffer.allocate(8);
        for (int i = 0; i < 8; i++) {
            rows.put(i, (byte) value);
        }
        return rows;
    }

    @Test
    void withoutFramesGivenBackNothingIsReusedOrKept() {
        FramePool pool = new FramePool();
        RgbImage first = pool.image(2, 1, picture(1), 8);
        RgbImage second = pool.image(2, 1, picture(2), 8);
        assertThat(first.get(0, 0, 0)).isEqualTo(1);
        assertThat(second.get(0, 0, 0)).isEqualTo(2);
        assertThat(pool.freeBuffers()).isZero();
    }

    @Test
    void aFrameGivenBackLendsItsMemoryToALaterFrame() {
        FramePool pool = new FramePool();
        pool.recycle(pool.image(2, 1, picture(9), 8));
        RgbImage lent = pool.image(2, 1, picture(1), 8);
        pool.image(2, 1, picture(2), 8);
        pool.recycle(lent);
        assertThat(pool.freeBuffers()).isEqualTo(1);
        RgbImage next = pool.image(2, 1, picture(3), 8);
        assertThat(pool.freeBuffers()).isZero();
        assertThat(next.get(1, 0, 2)).isEqualTo(3);
        assertThat(lent.get(0, 0, 0)).as("the given-back frame's memory now holds the later frame").isEqualTo(3);
    }

    @Test
    void framesLentBeforeOneGivenBackAreForgottenAndAnotherSizeIsNotReused() {
        FramePool pool = new FramePool();
        pool.recycle(pool.image(2, 1, picture(9), 8));
        RgbImage skipped = pool.image(2, 1, picture(1), 8);
        RgbImage back = pool.image(2, 1, picture(2), 8);
        pool.recycle(back);
        pool.recycle(skipped);
        assertThat(pool.freeBuffers()).as("a frame already forgotten is not taken back").isEqualTo(1);
        RgbImage bigger = pool.image(2, 2, ByteBuffer.allocate(12), 6);
        assertThat(bigger.get(1, 1, 0)).isZero();
        assertThat(back.get(0, 0, 0)).as("memory of another size is not reused").isEqualTo(2);
        pool.clear();
        assertThat(pool.freeBuffers()).isZero();
    }
}
