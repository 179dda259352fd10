package org.affectiveprocesses.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.affectiveprocesses.api.ModelFormatException;

/**
 * Reads an {@code .npz} archive (as written by {@code numpy.savez}, {@code numpy.savez_compressed}
 * or {@link NpzWriter}). Entries are read lazily, one at a time, when asked for; each complete
 * read verifies the entry's CRC-32 and length, and its SHA-256 when the archive carries the
 * entry {@value NpzArchive#CHECKSUMS}. A file that is not a ZIP archive, is truncated, repeats an
 * entry or holds a damaged entry raises a {@link ModelFormatException} naming the file and the
 * entry.
 *
 * <p><b>Bounded.</b> Opening checks every entry's declared sizes against the file before anything
 * is read: only stored and deflated entries, a stored entry's size equal to its stored bytes, a
 * deflated entry no larger than deflate can expand its bytes (1032:1), and all entries' stored
 * bytes within the file's length. Reading never yields more bytes than an entry declares, and an
 * array is allocated only after its header has been checked against the entry's size (and, with
 * {@link #get(String, NpyHeader)}, against the shape the caller expects).
 *
 * <p>Safe for concurrent reads of different entries; close it when done.
 */
public final class NpzReader implements AutoCloseable {
    /** The largest text entry this reader accepts. */
    static final int MAX_TEXT_BYTES = 64 << 20;
    /** The most bytes deflate can produce per compressed byte. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;
    /** Entry name to SHA-256 (hex) from the checksums entry, or null when the archive has none. */
    private final Map<String, String> checksums;

    private NpzReader(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
        this.checksums = null;
    }

    private NpzReader(NpzReader r, Map<String, String> checksums) {
        this.file = r.file;
        this.zip = r.zip;
        this.entries = r.entries;
        this.checksums = checksums;
    }

    static NpzReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | EOFException e) {
            throw new ModelFormatException(file, "is not a readable npz (ZIP) archive; it may be "
                    + "truncated or damaged (" + describe(e) + ")", e);
        }
        try {
            long fileSize = Files.size(file);
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            long stored = 0;
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (entries.put(e.getName(), e) != null) {
                    throw new ModelFormatException(file, "repeats the archive entry '" + e.getName() + "'");
                }
                checkSizes(file, e, fileSize);
                stored += e.getCompressedSize();
            }
            if (stored > fileSize) {
                throw new ModelFormatException(file, "declares " + stored + " bytes of entries but has only "
                        + fileSize + " bytes; its ZIP directory is damaged");
            }
            NpzReader r = new NpzReader(file, zip, Collections.unmodifiableMap(entries));
            return entries.containsKey(NpzArchive.CHECKSUMS) ? new NpzReader(r, r.readChecksums()) : r;
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io && !(e instanceof ModelFormatException)) {
                throw new ModelFormatException(file, "has an unreadable ZIP directory (" + describe(io) + ")", io);
            }
            throw e;
        }
    }

    /** Rejects an entry whose declared sizes no archive of this file's length can hold. */
    private static void checkSizes(Path file, ZipEntry e, long fileSize) throws ModelFormatException {
        long size = e.getSize();
        long csize = e.getCompressedSize();
        String entry = "entry '" + e.getName() + "' ";
        if (e.getMethod() != ZipEntry.STORED && e.getMethod() != ZipEntry.DEFLATED) {
            throw new ModelFormatException(file, entry + "uses ZIP compression method " + e.getMethod()
                    + "; only stored (0) and deflated (8) entries are read");
        }
        if (size < 0 || csize < 0 || csize > fileSize) {
            throw new ModelFormatException(file, entry + "declares " + csize + " stored bytes (" + size
                    + " uncompressed) but the file has " + fileSize + " bytes; its ZIP directory is damaged");
        }
        if (e.getMethod() == ZipEntry.STORED && size != csize) {
            throw new ModelFormatException(file, entry + "is stored uncompressed but declares " + size
                    + " bytes in " + csize + "; its ZIP directory is damaged");
        }
        if (e.getMethod() == ZipEntry.DEFLATED && size > MAX_DEFLATE_RATIO * csize + MAX_DEFLATE_RATIO) {
            throw new ModelFormatException(file, entry + "declares " + size + " bytes from " + csize
                    + " deflated bytes, more than deflate can expand (" + MAX_DEFLATE_RATIO
                    + ":1); the archive is damaged or forged");
        }
    }

    /** Reads the checksums entry, which must be the last entry and list every other entry in order. */
    private Map<String, String> readChecksums() throws IOException {
        List<String> names = entryNames();
        if (!names.get(names.size() - 1).equals(NpzArchive.CHECKSUMS)) {
            throw new ModelFormatException(file, "entry '" + NpzArchive.CHECKSUMS + "' must be the archive's last entry");
        }
        List<String> others = names.subList(0, names.size() - 1);
        Map<String, String> sums = Checksums.parse(text(NpzArchive.CHECKSUMS,
                Checksums.maxBytes(others.size())), file);
        if (!List.copyOf(sums.keySet()).equals(others)) {
            throw new ModelFormatException(file, "entry '" + NpzArchive.CHECKSUMS + "' lists the entries "
                    + abbreviate(sums.keySet()) + " but the archive holds " + abbreviate(others)
                    + "; entries were added, removed or renamed");
        }
        return Collections.unmodifiableMap(sums);
    }

    /** The archive's path. */
    public Path file() {
        return file;
    }

    /** Whether the archive carries the entry {@value NpzArchive#CHECKSUMS} (then every complete read is verified). */
    public boolean hasChecksums() {
        return checksums != null;
    }

    /**
     * Requires the entry {@value NpzArchive#CHECKSUMS}, for formats whose version promises it.
     *
     * @param what what requires it, for the message, e.g. {@code "format version 2"}
     * @throws ModelFormatException naming the file if the archive has no checksums
     */
    public void requireChecksums(String what) throws ModelFormatException {
        if (checksums == null) {
            throw new ModelFormatException(file, "has no entry '" + NpzArchive.CHECKSUMS + "', which " + what
                    + " requires; the file was altered or written by another tool");
        }
    }

    /** Every entry name in archive order (arrays as {@code name.npy}, plus any other entries). */
    public List<String> entryNames() {
        return List.copyOf(entries.keySet());
    }

    /** The names of the arrays (entries ending in {@code .npy}, without the suffix), in archive order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (String e : entries.keySet()) {
            if (e.endsWith(NpzArchive.NPY_SUFFIX)) {
                out.add(e.substring(0, e.length() - NpzArchive.NPY_SUFFIX.length()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the archive holds the array {@code name} (entry {@code name.npy}). */
    public boolean contains(String name) {
        return entries.containsKey(NpzArchive.entryOf(name));
    }

    /** Whether the archive holds the entry {@code entryName} (full name). */
    public boolean containsEntry(String entryName) {
        return entries.containsKey(entryName);
    }

    /**
     * Reads an array.
     *
     * @param name the array's name (the entry is {@code name + ".npy"})
     * @return the array
     * @throws ModelFormatException if the entry is missing, damaged or not a valid array of an
     *     allowed type
     * @throws IOException if reading fails
     */
    public NpyArray get(String name) throws IOException {
        return get(name, null);
    }

    /**
     * Reads an array that must have a given type and shape; a header that announces anything
     * else fails before the data is read or memory for it allocated.
     *
     * @param name the array's name (the entry is {@code name + ".npy"})
     * @param expected the type and shape the array must have
     * @return the array
     * @throws ModelFormatException if the entry is missing, damaged, of another type or shape, or
     *     not a valid array
     * @throws IOException if reading fails
     */
    public NpyArray get(String name, NpyHeader expected) throws IOException {
        String entryName = NpzArchive.entryOf(Objects.requireNonNull(name, "name"));
        ZipEntry e = require(entryName);
        try (InputStream in = open(e)) {
            return Npy.read(in, file, entryName, e.getSize(), expected);
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw damaged(entryName, ex);
        }
    }

    /**
     * Reads only the header of an array (its type and shape); the data is not read or checked
     * (nor is the entry's checksum: only complete reads verify it).
     *
     * @param name the array's name
     * @return the header
     * @throws ModelFormatException if the entry is missing or its header is invalid
     * @throws IOException if reading fails
     */
    public NpyHeader header(String name) throws IOException {
        String entryName = NpzArchive.entryOf(Objects.requireNonNull(name, "name"));
        ZipEntry e = require(entryName);
        try (InputStream in = new Bounded(zip.getInputStream(e), e)) {
            return Npy.readHeader(in, file, entryName);
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw damaged(entryName, ex);
        }
    }

    /**
     * The number of bytes an entry declares (uncompressed).
     *
     * @param entryName the full entry name
     * @return its declared size, checked against the file when the archive was opened
     * @throws ModelFormatException if there is no such entry
     */
    public long entrySize(String entryName) throws ModelFormatException {
        return require(Objects.requireNonNull(entryName, "entryName")).getSize();
    }

    /**
     * Reads a UTF-8 text entry of at most 64 MiB.
     *
     * @param entryName the full entry name, e.g. {@code "apmodel.json"}
     * @return the text
     * @throws ModelFormatException if the entry is missing, damaged, too large or not valid UTF-8
     * @throws IOException if reading fails
     */
    public String text(String entryName) throws IOException {
        return text(entryName, MAX_TEXT_BYTES);
    }

    /**
     * Reads a UTF-8 text entry of at most {@code maxBytes} bytes, such as a manifest; a larger
     * entry fails before it is read.
     *
     * @param entryName the full entry name, e.g. {@code "apmodel.json"}
     * @param maxBytes the largest size accepted (at most 64 MiB)
     * @return the text
     * @throws ModelFormatException if the entry is missing, damaged, too large or not valid UTF-8
     * @throws IOException if reading fails
     */
    public String text(String entryName, long maxBytes) throws IOException {
        ZipEntry e = require(Objects.requireNonNull(entryName, "entryName"));
        long limit = Math.min(maxBytes, MAX_TEXT_BYTES);
        if (e.getSize() > limit) {
            throw new ModelFormatException(file, "entry '" + entryName + "' has " + e.getSize()
                    + " bytes; a text entry here has at most " + limit);
        }
        byte[] bytes;
        try (InputStream in = open(e)) {
            bytes = in.readNBytes((int) e.getSize());
            if (in.read() != -1) {
                throw new ModelFormatException(file, "entry '" + entryName + "' is longer than it declares");
            }
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw damaged(entryName, ex);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            throw new ModelFormatException(file, "entry '" + entryName + "' is not valid UTF-8 text", ex);
        }
    }

    /**
     * Closes the archive.
     *
     * @throws IOException if closing fails
     */
    @Override
    public void close() throws IOException {
        zip.close();
    }

    private ZipEntry require(String entryName) throws ModelFormatException {
        ZipEntry e = entries.get(entryName);
        if (e == null) {
            throw new ModelFormatException(file, "has no entry '" + entryName + "'");
        }
        return e;
    }

    private ModelFormatException damaged(String entryName, IOException cause) {
        return new ModelFormatException(file, "entry '" + entryName + "' is damaged or truncated ("
                + describe(cause) + ")", cause);
    }

    /** What went wrong in words, never just an exception's class name. */
    private static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "it ends too early";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String abbreviate(java.util.Collection<String> names) {
        List<String> l = List.copyOf(names);
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " and " + (l.size() - 8) + " more";
    }

    private InputStream open(ZipEntry e) throws IOException {
        return new Verifying(zip.getInputStream(e), e, checksums == null ? null : checksums.get(e.getName()));
    }

    /** Yields at most the entry's declared bytes: a stream that goes on fails at once. */
    private class Bounded extends FilterInputStream {
        final ZipEntry entry;
        long count;

        Bounded(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                atEnd();
                return n;
            }
            count += n;
            if (count > entry.getSize()) {
                throw new ModelFormatException(file, "entry '" + entry.getName() + "' holds more than the "
                        + entry.getSize() + " bytes it declares; the archive is damaged or forged");
            }
            passed(b, off, n);
            return n;
        }

        @Override
        public long skip(long n) {
            return 0; // every byte must pass through the checks
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** Sees the bytes that passed. */
        void passed(byte[] b, int off, int n) {
        }

        /** Called once the stream has ended. */
        void atEnd() throws IOException {
        }
    }

    /** Checks the CRC-32, the length and the SHA-256 (when known) of an entry once it has been read to its end. */
    private final class Verifying extends Bounded {
        private final CRC32 crc = new CRC32();
        private final MessageDigest sha;
        private final String expectedSha;
        private boolean checked;

        Verifying(InputStream in, ZipEntry entry, String expectedSha) {
            super(in, entry);
            this.expectedSha = expectedSha;
            this.sha = expectedSha == null ? null : Checksums.sha256();
        }

        @Override
        void passed(byte[] b, int off, int n) {
            crc.update(b, off, n);
            if (sha != null) {
                sha.update(b, off, n);
            }
        }

        @Override
        void atEnd() throws ModelFormatException {
            if (checked) {
                return;
            }
            checked = true;
            if (count != entry.getSize()) {
                throw new ModelFormatException(file, "entry '" + entry.getName() + "' is truncated: "
                        + count + " of " + entry.getSize() + " bytes");
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new ModelFormatException(file, "entry '" + entry.getName()
                        + "' is damaged: its CRC-32 does not match (the data was altered)");
            }
            if (sha != null && !HexFormat.of().formatHex(sha.digest()).equals(expectedSha)) {
                throw new ModelFormatException(file, "entry '" + entry.getName() + "' is damaged: its SHA-256 does not "
                        + "match the entry '" + NpzArchive.CHECKSUMS + "' (the content was altered)");
            }
        }
    }
}
