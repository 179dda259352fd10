/**
 * Video input: decoding files with FFmpeg (through JavaCV) and reading image folders, one frame at
 * a time, with timestamps ({@link org.affectiveprocesses.video.decode.FrameSources}).
 */
package org.affectiveprocesses.video.decode;
