package org.affectiveprocesses.api;

/**
 * An Affective Process over live frames: takes per-frame features and pseudo-labels as they come
 * and tells a {@link StreamListener} the per-frame affect. Open one with {@link
 * AffectiveProcess#stream(StreamOptions, StreamListener)}.
 *
 * <h2>What it says, and when</h2>
 *
 * <ul>
 *   <li>A frame with a face gets a <b>provisional</b> estimate at once: what {@link
 *       AffectiveProcess#predict(AffectSequence, InferenceOptions)} gives for that frame on the
 *       frames received so far, i.e. from the window of the last L frames with a face ending at
 *       it, with its own context. It is the newest frame's best estimate, and it can change.
 *   <li>Every frame gets one <b>settled</b> estimate: what the batch API gives for it on the whole
 *       stream, the protocol's windows (L frames every hop, the last one aligned to the end).
 *       A frame with a face is settled when the L-th frame with a face after it arrives (its
 *       {@link FrameEstimate#lagFrames()}; L = 70 frames, 2.3 s at 30 frames/s with the paper's
 *       protocol, more when faces are missing), or when the stream is closed. No earlier moment
 *       is safe: until then the stream may end, and the batch API's last window, aligned to the
 *       end, would cover the frame. A frame without a face is settled at once (it has no value
 *       to wait for), so its estimate may come before the settled estimates of earlier frames.
 * </ul>
 *
 * <p>Settled estimates of frames with a face come in frame order; in one call the provisional
 * estimate of the new frame comes first, then the settled estimates that frame completes.
 * Frames without a face keep their place in time: they count in frame indices and lags, and
 * are left out of the windows, as in the batch API.
 *
 * <h2>Work and memory</h2>
 *
 * Each frame costs a bounded amount of work whatever the stream's length (the encoder runs once
 * per frame, the context and its aggregate are kept up to date frame by frame, and only the
 * frames whose estimate is due are decoded), and a stream holds about L + 1 frames' worth of
 * state: its memory does not grow with its length. Function samples cost one decoder pass per
 * sample per estimate.
 *
 * <h2>Threads</h2>
 *
 * <ul>
 *   <li>{@link #accept}, {@link #acceptWithoutFace} and {@link #close} may be called from any
 *       threads. Calls are serialised: each frame enters whole, and frames are numbered in the
 *       order their calls enter the stream. A caller that needs another order (e.g. frames in
 *       time from several workers) must impose it before feeding.
 *   <li>A frame whose timestamp is earlier than the previous frame's is rejected with an {@link
 *       InvalidSequenceException}, as is a frame with wrong sizes or non-finite values; a
 *       rejected frame changes nothing and the stream stays usable.
 *   <li>The listener is called on the feeding thread, inside these calls, never concurrently
 *       with itself, in the order above. A slow listener slows the feeder (back-pressure); a
 *       listener must not feed its own stream ({@link IllegalStateException}). If the listener
 *       throws, the exception propagates to the feeder and the stream fails: further frames
 *       are refused.
 *   <li>Several streams of one model are independent and may run on different threads at once.
 * </ul>
 *
 * <p>A stream holds no native memory (it computes in plain Java from the model's weights), so it
 * stays usable after its model is closed.
 */
public interface AffectStream extends AutoCloseable {

    /**
     * Adds the next frame, in which a face was found. The arrays are read during the call only.
     *
     * @param seconds the frame's timestamp (finite, not before the previous frame's)
     * @param features the backbone features x<sub>t</sub> ({@link AffectModel#featureSize()} values)
     * @param pseudoLabels the backbone's per-frame estimate ŷ<sub>t</sub> (one value per dimension)
     * @throws InvalidSequenceException naming the stream, frame and field if a value is missing,
     *     of the wrong size or not finite, or the timestamp goes backwards
     * @throws IllegalStateException if the stream is closed or has failed
     */
    void accept(double seconds, float[] features, float[] pseudoLabels);

    /**
     * Adds the next frame, in which no face was found.
     *
     * @param seconds the frame's timestamp (finite, not before the previous frame's)
     * @throws InvalidSequenceException if the timestamp is not finite or goes backwards
     * @throws IllegalStateException if the stream is closed or has failed
     */
    void acceptWithoutFace(double seconds);

    /** The frames received so far. */
    long frameCount();

    /**
     * L: the frames with a face that must follow a frame before it is settled (the window length).
     *
     * @return the settling lag in frames with a face
     */
    int settleLag();

    /** The options the stream was opened with. */
    StreamOptions options();

    /**
     * Settles every frame not yet settled (the batch API's last window, aligned to the stream's
     * end), then calls the listener's {@link StreamListener#onClose()}. Later calls do nothing.
     */
    @Override
    void close();
}
