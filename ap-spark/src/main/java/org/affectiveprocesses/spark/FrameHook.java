package org.affectiveprocesses.spark;

import java.io.Serializable;

/**
 * Called by an extraction task after each frame it analysed; a test uses it to make a task
 * attempt fail part-way through a video, as an executor lost mid-task would.
 */
@FunctionalInterface
interface FrameHook extends Serializable {
    /** Does nothing. */
    FrameHook NONE = (video, attempt, frames) -> { };

    /**
     * @param video the video's path
     * @param attempt the task attempt (0 for the first)
     * @param frames frames analysed so far
     */
    void afterFrame(String video, int attempt, int frames);
}
