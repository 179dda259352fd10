package org.affectiveprocesses.api;

/**
 * Per-frame data that cannot be used: a non-finite feature or pseudo-label, a wrong vector
 * length, a timestamp going backwards. The message names the sequence, the frame and the field.
 */
public class InvalidSequenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String sequenceId;
    private final int frame;
    private final String field;

    /**
     * @param sequenceId the sequence's id
     * @param frame the frame index, or -1 when the problem concerns the whole sequence
     * @param field what is wrong, e.g. {@code "feature 17"}
     * @param problem what is wrong with it, e.g. {@code "is NaN"}
     */
    public InvalidSequenceException(String sequenceId, int frame, String field, String problem) {
        super("sequence '" + sequenceId + "'" + (frame >= 0 ? ", frame " + frame : "") + ": "
                + field + " " + problem);
        this.sequenceId = sequenceId;
        this.frame = frame;
        this.field = field;
    }

    /** The id of the sequence that holds the bad value. */
    public String sequenceId() {
        return sequenceId;
    }

    /** The frame that holds the bad value, or -1. */
    public int frame() {
        return frame;
    }

    /** The field that is wrong. */
    public String field() {
        return field;
    }
}
