package org.affectiveprocesses.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.affectiveprocesses.backbone.TestMedia;

/** Small test clips encoded from a real face photograph (astronaut.png), with known content. */
public final class TestVideos {
    /** Clip width. */
    public static final int WIDTH = 320;
    /** Clip height. */
    public static final int HEIGHT = 240;

    private TestVideos() {
    }

    /** The container and codec of a clip. */
    public enum Kind {
        /** MPEG-4 part 2 in mp4. */
        MP4("mp4", avcodec.AV_CODEC_ID_MPEG4),
        /** MPEG-4 part 2 in avi. */
        AVI("avi", avcodec.AV_CODEC_ID_MPEG4),
        /** VP8 in webm. */
        WEBM("webm", avcodec.AV_CODEC_ID_VP8);

        final String format;
        final int codec;

        Kind(String format, int codec) {
            this.format = format;
            this.codec = codec;
        }
    }

    /**
     * Writes a clip: the astronaut's head and shoulders drifting right, except in the frames listed
     * as blank (plain grey, no face).
     *
     * @param file where to write
     * @param kind container and codec
     * @param frames number of frames
     * @param fps frame rate
     * @param blank indices of frames without a face
     */
    public static Path write(Path file, Kind kind, int frames, double fps, int... blank) throws IOException {
        RgbImage astronaut = TestMedia.image("astronaut.png").resize(200, 200);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), WIDTH, HEIGHT, 0)) {
            r.setFormat(kind.format);
            r.setVideoCodec(kind.codec);
            r.setFrameRate(fps);
            r.setVideoBitrate(2_000_000);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.start();
            for (int t = 0; t < frames; t++) {
                boolean isBlank = false;
                for (int b : blank) {
                    isBlank |= b == t;
                }
                byte[] rgb = frame(isBlank ? null : astronaut, 20 + t * 2);
                Frame f = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
                ((ByteBuffer) f.image[0]).put(rgb);
                r.record(f, avutil.AV_PIX_FMT_RGB24);
            }
            r.stop();
        }
        return file;
    }

    /** A frame: grey, with the face image at x = {@code left}, y = 20 when given. */
    public static byte[] frame(RgbImage face, int left) {
        byte[] rgb = new byte[WIDTH * HEIGHT * 3];
        java.util.Arrays.fill(rgb, (byte) 110);
        if (face != null) {
            byte[] src = face.toBytes();
            for (int y = 0; y < face.height() && y + 20 < HEIGHT; y++) {
                int w = Math.min(face.width(), WIDTH - left);
                System.arraycopy(src, y * face.width() * 3, rgb, ((y + 20) * WIDTH + left) * 3, w * 3);
            }
        }
        return rgb;
    }
}
