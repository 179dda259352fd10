package org.affectiveprocesses.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
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
 * read verifies the entry's CRC-32 and length. A file that is not a ZIP archive, is truncated,
 * repeats an entry or holds a damaged entry raises a {@link ModelFormatException} naming the file
 * and the entry.
 *
 * <p>Safe for concurrent reads of different entries; close it when done.
 */
public final class NpzReader implements AutoCloseable {
    /** The largest text entry this reader accepts. */
    static final int MAX_TEXT_BYTES = 64 << 20;

    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private NpzReader(Path file, ZipFile zip, Map<String, ZipEntry> entries) {
        this.file = file;
        this.zip = zip;
        this.entries = entries;
    }

    static NpzReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ModelFormatException(file, "is not a readable npz (ZIP) archive; it may be "
                    + "truncated or damaged (" + e.getMessage() + ")", e);
        }
        try {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (entries.put(e.getName(), e) != null) {
                    throw new ModelFormatException(file, "repeats the archive entry '" + e.getName() + "'");
                }
            }
            return new NpzReader(file, zip, Collections.unmodifiableMap(entries));
        } catch (IOException | RuntimeException e) {
            try {
                zip.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io && !(e instanceof ModelFormatException)) {
                throw new ModelFormatException(file, "has an unreadable ZIP directory (" + e.getMessage() + ")", io);
            }
            throw e;
        }
    }

    /** The archive's path. */
    public Path file() {
        return file;
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
        String entryName = NpzArchive.entryOf(Objects.requireNonNull(name, "name"));
        ZipEntry e = require(entryName);
        try (InputStream in = open(e)) {
            return Npy.read(in, file, entryName, e.getSize());
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw damaged(entryName, ex);
        }
    }

    /**
     * Reads only the header of an array (its type and shape); the data is not read or checked.
     *
     * @param name the array's name
     * @return the header
     * @throws ModelFormatException if the entry is missing or its header is invalid
     * @throws IOException if reading fails
     */
    public NpyHeader header(String name) throws IOException {
        String entryName = NpzArchive.entryOf(Objects.requireNonNull(name, "name"));
        ZipEntry e = require(entryName);
        try (InputStream in = zip.getInputStream(e)) {
            return Npy.readHeader(in, file, entryName);
        } catch (ModelFormatException ex) {
            throw ex;
        } catch (IOException ex) {
            throw damaged(entryName, ex);
        }
    }

    /**
     * Reads a UTF-8 text entry.
     *
     * @param entryName the full entry name, e.g. {@code "apmodel.json"}
     * @return the text
     * @throws ModelFormatException if the entry is missing, damaged, too large (over 64 MiB) or
     *     not valid UTF-8
     * @throws IOException if reading fails
     */
    public String text(String entryName) throws IOException {
        ZipEntry e = require(Objects.requireNonNull(entryName, "entryName"));
        if (e.getSize() > MAX_TEXT_BYTES) {
            throw new ModelFormatException(file, "entry '" + entryName + "' is too large for a text entry ("
                    + e.getSize() + " bytes)");
        }
        byte[] bytes;
        try (InputStream in = open(e)) {
            bytes = in.readNBytes(MAX_TEXT_BYTES + 1);
            if (bytes.length > MAX_TEXT_BYTES) {
                throw new ModelFormatException(file, "entry '" + entryName + "' is too large for a text entry");
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
        String why = cause instanceof EOFException ? "ends too early" : String.valueOf(cause.getMessage());
        return new ModelFormatException(file, "entry '" + entryName + "' is damaged or truncated (" + why + ")",
                cause);
    }

    private InputStream open(ZipEntry e) throws IOException {
        return new Verifying(zip.getInputStream(e), e);
    }

    /** Checks the CRC-32 and length of an entry once it has been read to its end. */
    private final class Verifying extends FilterInputStream {
        private final ZipEntry entry;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean checked;

        Verifying(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                verify();
            } else {
                crc.update(b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                verify();
            } else {
                crc.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            return 0; // every byte must pass through the CRC
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void verify() throws ModelFormatException {
            if (checked) {
                return;
            }
            checked = true;
            if (entry.getSize() >= 0 && count != entry.getSize()) {
                throw new ModelFormatException(file, "entry '" + entry.getName() + "' is truncated: "
                        + count + " of " + entry.getSize() + " bytes");
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new ModelFormatException(file, "entry '" + entry.getName()
                        + "' is damaged: its CRC-32 does not match (the data was altered)");
            }
        }
    }
}
