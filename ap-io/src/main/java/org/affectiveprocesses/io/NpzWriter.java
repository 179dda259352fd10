package org.affectiveprocesses.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an {@code .npz} archive atomically: entries go to a {@link PendingFile} (a locked,
 * hidden temporary file in the target's directory), and {@link #commit()} finishes the archive,
 * forces it to disk and renames it over the target in one step. Readers therefore see either the
 * old file or the complete new one, never a partial archive.
 *
 * <p>{@link #close()} without a successful {@link #commit()} discards everything and deletes
 * the temporary file, so that an exception inside try-with-resources leaves no output:
 *
 * <pre>{@code
 * try (NpzWriter w = NpzArchive.create(target)) {
 *     w.putText("manifest.json", json);
 *     w.put("x", NpyArray.ofFloats(new int[] {3}, new float[] {1, 2, 3}));
 *     w.commit();
 * }
 * }</pre>
 *
 * <p>With checksums ({@link NpzArchive#createWithChecksums}), {@link #commit()} adds the last
 * entry {@value NpzArchive#CHECKSUMS}: the SHA-256 of every other entry, which {@link NpzReader}
 * verifies. Entries get a fixed timestamp (1980-01-01, as {@code numpy.savez}), so equal content
 * gives equal bytes. Not thread-safe.
 */
public final class NpzWriter implements AutoCloseable {
    private static final long FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    private enum State { OPEN, FAILED, COMMITTED, CLOSED }

    private final PendingFile file;
    private final ZipOutputStream zip;
    private final boolean compress;
    private final boolean checksums;
    /** The entries written, in order, with their SHA-256 in hex (null without checksums). */
    private final Map<String, String> entries = new LinkedHashMap<>();
    private State state = State.OPEN;

    private NpzWriter(PendingFile file, boolean compress, boolean checksums) {
        this.file = file;
        this.compress = compress;
        this.checksums = checksums;
        this.zip = new ZipOutputStream(new BufferedOutputStream(file.outputStream(), 1 << 16));
        this.zip.setLevel(compress ? 6 : 0);
    }

    static NpzWriter create(Path target, boolean compress, boolean checksums) throws IOException {
        return new NpzWriter(PendingFile.create(target), compress, checksums);
    }

    /** The file this writer replaces on {@link #commit()}. */
    public Path target() {
        return file.target();
    }

    /**
     * Adds an array as the entry {@code name + ".npy"}.
     *
     * @param name the array's name (numpy's key), e.g. {@code "encoder.0.weight"}
     * @param array the array
     * @return this writer
     * @throws IllegalArgumentException if the name is invalid or already used
     * @throws IllegalStateException if the writer was committed, closed, or failed earlier
     * @throws IOException if writing fails (the writer is then unusable; close it)
     */
    public NpzWriter put(String name, NpyArray array) throws IOException {
        Objects.requireNonNull(array, "array");
        if (Objects.requireNonNull(name, "name").isEmpty() || name.endsWith("/")) {
            throw new IllegalArgumentException("an array needs a non-empty name not ending in '/', got '"
                    + name + "'");
        }
        String entry = reserve(NpzArchive.entryOf(name));
        boolean done = false;
        try {
            ZipEntry ze = newEntry(entry);
            if (!compress) {
                CrcCounter counter = new CrcCounter();
                Npy.write(counter, array);
                ze.setSize(counter.count);
                ze.setCompressedSize(counter.count);
                ze.setCrc(counter.crc.getValue());
            }
            zip.putNextEntry(ze);
            MessageDigest md = checksums ? Checksums.sha256() : null;
            Npy.write(md == null ? zip : new DigestingStream(zip, md), array);
            zip.closeEntry();
            entries.put(entry, md == null ? null : HexFormat.of().formatHex(md.digest()));
            done = true;
        } finally {
            if (!done) {
                state = State.FAILED;
            }
        }
        return this;
    }

    /**
     * Adds a UTF-8 text entry, such as a JSON manifest ({@code numpy.load} ignores it when arrays
     * are loaded by name).
     *
     * @param entryName the full entry name, e.g. {@code "apmodel.json"}; must not end in {@code .npy}
     *     nor be {@value NpzArchive#CHECKSUMS}
     * @param utf8 the text
     * @return this writer
     * @throws IllegalArgumentException if the name is invalid or used, or the text is not valid
     *     Unicode (an unpaired surrogate)
     * @throws IllegalStateException if the writer was committed, closed, or failed earlier
     * @throws IOException if writing fails (the writer is then unusable; close it)
     */
    public NpzWriter putText(String entryName, String utf8) throws IOException {
        Objects.requireNonNull(utf8, "utf8");
        if (Objects.requireNonNull(entryName, "entryName").endsWith(NpzArchive.NPY_SUFFIX)) {
            throw new IllegalArgumentException("text entry '" + entryName
                    + "' must not end in .npy (that suffix marks arrays)");
        }
        byte[] bytes;
        try {
            ByteBuffer buf = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(utf8));
            bytes = new byte[buf.remaining()];
            buf.get(bytes);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text entry '" + entryName + "' is not valid Unicode", e);
        }
        writeBytes(reserve(entryName), bytes);
        return this;
    }

    /**
     * Finishes the archive (adding the checksums entry when asked for), forces it to disk and
     * moves it over the target. After a failure the temporary file is deleted and the target is
     * unchanged.
     *
     * @throws IllegalStateException if the writer was committed, closed, or failed earlier
     * @throws IOException if finishing or moving fails
     */
    public void commit() throws IOException {
        requireOpen();
        boolean done = false;
        try {
            if (checksums) {
                writeBytes(NpzArchive.CHECKSUMS, Checksums.format(entries).getBytes(StandardCharsets.US_ASCII));
            }
            zip.finish();
            zip.flush();
            file.commit();
            zip.close(); // releases the deflater; the finished archive and its file are not touched again
            done = true;
            state = State.COMMITTED;
        } finally {
            if (!done) {
                state = State.FAILED;
                file.close();
            }
        }
    }

    /**
     * Releases the writer. Without a successful {@link #commit()} the archive is discarded: the
     * temporary file is deleted and the target is left as it was. Idempotent.
     *
     * @throws IOException if the temporary file cannot be deleted
     */
    @Override
    public void close() throws IOException {
        state = State.CLOSED;
        file.close(); // not zip.close(): that would try to finish the archive
    }

    private void writeBytes(String entry, byte[] bytes) throws IOException {
        boolean done = false;
        try {
            ZipEntry ze = newEntry(entry);
            if (!compress) {
                CRC32 crc = new CRC32();
                crc.update(bytes);
                ze.setSize(bytes.length);
                ze.setCompressedSize(bytes.length);
                ze.setCrc(crc.getValue());
            }
            zip.putNextEntry(ze);
            zip.write(bytes);
            zip.closeEntry();
            if (!entry.equals(NpzArchive.CHECKSUMS)) {
                entries.put(entry, checksums ? HexFormat.of().formatHex(Checksums.sha256().digest(bytes)) : null);
            }
            done = true;
        } finally {
            if (!done) {
                state = State.FAILED;
            }
        }
    }

    private String reserve(String entry) {
        requireOpen();
        NpzArchive.checkEntryName(entry);
        if (entry.equals(NpzArchive.CHECKSUMS)) {
            throw new IllegalArgumentException("archive entry '" + entry + "' is reserved for the checksums");
        }
        if (entries.containsKey(entry)) {
            throw new IllegalArgumentException("archive entry '" + entry + "' was already written");
        }
        return entry;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the archive writer for " + file.target() + " is "
                    + switch (state) {
                        case FAILED -> "unusable after an earlier failure";
                        case COMMITTED -> "already committed";
                        default -> "closed";
                    });
        }
    }

    private ZipEntry newEntry(String name) {
        ZipEntry ze = new ZipEntry(name);
        ze.setTime(FIXED_TIME);
        ze.setMethod(compress ? ZipEntry.DEFLATED : ZipEntry.STORED);
        return ze;
    }

    /** Counts bytes and their CRC-32 without storing them. */
    private static final class CrcCounter extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }

    /** Passes bytes on and adds them to a digest. */
    private static final class DigestingStream extends FilterOutputStream {
        private final MessageDigest md;

        DigestingStream(OutputStream out, MessageDigest md) {
            super(out);
            this.md = md;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            md.update((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            md.update(b, off, len);
        }
    }
}
