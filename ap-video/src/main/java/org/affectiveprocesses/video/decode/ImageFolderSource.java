package org.affectiveprocesses.video.decode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * A folder of images (png, jpg, jpeg, bmp, gif) read as the frames of a video, in file-name order,
 * at a given frame rate (frame t at t / fps seconds). Images are decoded one at a time.
 */
public final class ImageFolderSource implements FrameSource {
    /** The file extensions read, lower case. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif");

    private final Path folder;
    private final List<Path> files;
    private final double fps;
    private int index;

    private ImageFolderSource(Path folder, List<Path> files, double fps) {
        this.folder = folder;
        this.files = files;
        this.fps = fps;
    }

    /**
     * Lists a folder's images.
     *
     * @param folder the folder
     * @param fps the frame rate to assign
     * @return the source
     * @throws MediaFormatException if the folder holds no image
     * @throws IOException if it cannot be listed
     */
    public static ImageFolderSource open(Path folder, double fps) throws IOException {
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new IllegalArgumentException("frame rate must be positive, got " + fps);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(ImageFolderSource::isImage).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new MediaFormatException(folder, "holds no images (" + String.join(", ", EXTENSIONS) + ")");
        }
        return new ImageFolderSource(folder, files, fps);
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }

    /** The folder. */
    public Path path() {
        return folder;
    }

    @Override
    public String name() {
        return folder.toString();
    }

    @Override
    public double frameRate() {
        return fps;
    }

    @Override
    public int declaredFrames() {
        return files.size();
    }

    @Override
    public DecodedFrame next() throws IOException {
        if (index >= files.size()) {
            return null;
        }
        Path file = files.get(index);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new MediaFormatException(file, "frame " + index + " is not a readable image (" + e.getMessage() + ")", e);
        }
        if (img == null) {
            throw new MediaFormatException(file, "frame " + index + " is not a readable image");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        RgbImage image = RgbImage.fromPackedRgb(w, h, img.getRGB(0, 0, w, h, null, 0, w));
        DecodedFrame f = new DecodedFrame(index, index / fps, image);
        index++;
        return f;
    }

    @Override
    public void close() {
        index = files.size();
    }
}
