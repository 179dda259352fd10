package org.affectiveprocesses.video.decode;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * The frame memory of a decoding source, reused for frames given back ({@link FrameSource#recycle}).
 * A video's frames are megabytes each: allocating a new one per frame costs, besides the copy, the
 * first touch of fresh heap pages and the garbage collections they bring; a pipeline that gives
 * its frames back once analysed keeps reusing the same few dozen.
 *
 * <p>Nothing is held until the first frame is given back: a caller who never gives frames back
 * gets new frames as without a pool, and no frame is kept alive by it. After that, the pool
 * remembers the last {@value #TRACKED} frames it lent (so that a frame given back can be matched to
 * its memory) and keeps up to {@value #TRACKED} free buffers. Thread-safe: frames are made on the
 * decoding thread and given back on another.
 */
final class FramePool {
    /** The most frames remembered as lent, and the most free buffers kept. */
    static final int TRACKED = 48;

    private final ArrayDeque<Lent> lent = new ArrayDeque<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private boolean recycling;

    /** A frame made on pooled memory. */
    private record Lent(RgbImage image, byte[] storage) {
    }

    /**
     * Copies a decoded picture into a frame, on reused memory when there is some of its size.
     *
     * @see RgbImage#fromRows(int, int, ByteBuffer, int)
     */
    synchronized RgbImage image(int width, int height, ByteBuffer rows, int stride) {
        if (!recycling) {
            return RgbImage.fromRows(width, height, rows, stride);
        }
        int size = width * height * 3;
        byte[] storage = free.pollFirst();
        while (storage != null && storage.length != size) {
            storage = free.pollFirst();
        }
        if (storage == null) {
            storage = new byte[size];
        }
        RgbImage image = RgbImage.fromRows(width, height, rows, stride, storage);
        lent.addLast(new Lent(image, storage));
        if (lent.size() > TRACKED) {
            lent.removeFirst();
        }
        return image;
    }

    /**
     * Takes back a frame's memory: the frame must not be used again. Frames lent before it and not
     * given back are forgotten (never reused).
     */
    synchronized void recycle(RgbImage image) {
        recycling = true;
        for (Iterator<Lent> i = lent.iterator(); i.hasNext(); ) {
            if (i.next().image() == image) {
                while (true) {
                    Lent first = lent.removeFirst();
                    if (first.image() == image) {
                        if (free.size() < TRACKED) {
                            free.addLast(first.storage());
                        }
                        return;
                    }
                }
            }
        }
    }

    /** Lets go of all memory. */
    synchronized void clear() {
        lent.clear();
        free.clear();
    }

    /** The number of free buffers (for tests). */
    synchronized int freeBuffers() {
        return free.size();
    }
}
