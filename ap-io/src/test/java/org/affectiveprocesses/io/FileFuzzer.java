package org.affectiveprocesses.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded fuzzer of the SDK's file formats: it mutates a valid file many ways, loads each
 * mutation with the format's reader and classifies the outcome. A mutation passes when the reader
 * throws a checked {@link IOException} whose message names the file, or loads content whose
 * canonical bytes are identical to the original's, and when it stays within a memory bound (bytes
 * allocated by the reading thread, from the JVM's per-thread counter) and a CPU-time bound (the
 * reading thread's CPU time; generous, it catches runaway loops, not slowness). Anything else is a
 * failure: an unchecked exception or error, a message without the file, altered content, or a
 * bound exceeded.
 *
 * <p>Strategies ({@link Strategy}) mutate raw bytes (bits, bytes, integers in size fields,
 * truncation) or rewrite one archive entry with a correct ZIP CRC-32 (what a careless tool or a
 * forger does); {@link Strategy#FORGED} also recomputes the archive's checksums entry, so only the
 * reader's semantic checks stand: such a file may load with different content (the checksums
 * cannot tell), but it must still fail cleanly or load within the bounds. A file that is not an
 * archive (a JSON manifest) gets the same edits applied to the whole file.
 *
 * <pre>{@code
 * FileFuzzer.Report r = FileFuzzer.of(validFile, ModelFile::read, c -> canonicalBytes(c))
 *         .seed(14).perStrategy(60).run(workDir);
 * assertThat(r.failures()).isEmpty();
 * }</pre>
 *
 * @param <T> what the reader returns
 */
public final class FileFuzzer<T> {
    /** How a mutation is made. */
    public enum Strategy {
        /** One random bit of the file flipped. */
        BIT_FLIP(true),
        /** One to four random bytes set to 0x00, 0xFF, 0x7F, 0x80, 0x01 or a random value. */
        BYTE_SET(true),
        /** A 2-, 4- or 8-byte little-endian integer overwritten with an extreme value (sizes, offsets, counts). */
        INTEGER(true),
        /** The file cut at a random length. */
        TRUNCATE(true),
        /**
         * One entry's bytes altered (bit flip, byte set or cut; half the time a manifest's, then half
         * the time a JSON value replaced) and the archive rewritten with a correct CRC-32 but the
         * checksums left as they were.
         */
        ENTRY_CRC_FIXED(true),
        /** A number or string of a JSON entry, or a digit of an array header, changed; CRC-32 and checksums recomputed. */
        FORGED(false);

        final boolean identityRequired;

        Strategy(boolean identityRequired) {
            this.identityRequired = identityRequired;
        }
    }

    /** Reads a file. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /** The canonical bytes of what was read (e.g. the format written again), compared for identity. */
    @FunctionalInterface
    public interface Canonical<T> {
        byte[] bytes(T contents) throws IOException;
    }

    /** Writes content in the format. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(Path file, T contents) throws IOException;
    }

    /**
     * Canonical bytes as the format's writer gives them: the content written again (writers are
     * deterministic), into {@code scratch}.
     */
    public static <T> Canonical<T> writtenAgain(Path scratch, String fileName, Writer<T> writer) {
        return contents -> {
            Path f = scratch.resolve(fileName);
            writer.write(f, contents);
            return Files.readAllBytes(f);
        };
    }

    /**
     * What happened to one mutation.
     *
     * @param strategy how it was made
     * @param index its number within the strategy
     * @param outcome {@code rejected}, {@code identical}, {@code loaded-different} or a failure's description
     * @param allocatedBytes bytes the reading thread allocated
     * @param cpuNanos CPU time of the reading thread
     */
    public record Case(Strategy strategy, int index, String outcome, long allocatedBytes, long cpuNanos) {
        /** Whether this case is a failure. */
        public boolean failed() {
            return outcome.startsWith("FAIL");
        }
    }

    /**
     * The outcome of a run.
     *
     * @param cases every case
     * @param allocationBound the memory bound applied, in bytes
     * @param cpuBoundNanos the CPU-time bound applied
     */
    public record Report(List<Case> cases, long allocationBound, long cpuBoundNanos) {
        /** The failed cases. */
        public List<Case> failures() {
            return cases.stream().filter(Case::failed).toList();
        }

        /** Per strategy: rejected / identical / loaded different, then the largest allocation and CPU time. */
        @Override
        public String toString() {
            Map<Strategy, int[]> counts = new EnumMap<>(Strategy.class);
            for (Case c : cases) {
                int[] n = counts.computeIfAbsent(c.strategy(), s -> new int[4]);
                n[c.failed() ? 3 : switch (c.outcome()) {
                    case "rejected" -> 0;
                    case "identical" -> 1;
                    default -> 2;
                }]++;
            }
            StringBuilder sb = new StringBuilder();
            counts.forEach((s, n) -> sb.append(String.format(Locale.ROOT,
                    "%-16s rejected %4d  identical %3d  loaded-different %3d  failed %d%n", s, n[0], n[1], n[2], n[3])));
            long maxAlloc = cases.stream().mapToLong(Case::allocatedBytes).max().orElse(0);
            long maxCpu = cases.stream().mapToLong(Case::cpuNanos).max().orElse(0);
            long totalCpu = cases.stream().mapToLong(Case::cpuNanos).sum();
            sb.append(String.format(Locale.ROOT, "%d cases; largest allocation %.1f MB (bound %.1f MB), "
                    + "longest CPU time %.0f ms (bound %.0f ms), all reads %.2f s of CPU", cases.size(), maxAlloc / 1e6,
                    allocationBound / 1e6, maxCpu / 1e6, cpuBoundNanos / 1e6, totalCpu / 1e9));
            return sb.toString();
        }
    }

    private static final Pattern JSON_NUMBER = Pattern.compile("(?<=[:\\[,\\s])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern JSON_STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final String[] EXTREME_NUMBERS = {"0", "-1", "1", "2147483647", "-2147483648", "2147483648",
        "4294967295", "9223372036854775807", "1e308", "-1e308", "1e-320", "3.4e38", "100000", "1000000000", "0.5"};
    private static final long[] EXTREME_INTEGERS = {0, -1, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFFL,
        0x80000000L, 0xFFFFFFFFL, 1L << 40, Long.MAX_VALUE};

    private final Path valid;
    private final Reader<T> reader;
    private final Canonical<T> canonical;
    private long seed = 1;
    private int perStrategy = 50;
    private long allocationBound;
    private long cpuBoundNanos = 2_000_000_000L;
    private boolean identity = true;

    private FileFuzzer(Path valid, Reader<T> reader, Canonical<T> canonical) throws IOException {
        this.valid = valid;
        this.reader = reader;
        this.canonical = canonical;
        this.allocationBound = (32L << 20) + 32 * Files.size(valid);
    }

    /**
     * A fuzzer of one valid file.
     *
     * @param valid a valid file of the format (its directory is not modified)
     * @param reader the format's reader
     * @param canonical the canonical bytes of what the reader returns
     */
    public static <T> FileFuzzer<T> of(Path valid, Reader<T> reader, Canonical<T> canonical) throws IOException {
        return new FileFuzzer<>(valid, reader, canonical);
    }

    /** The seed of every mutation (default 1). */
    public FileFuzzer<T> seed(long value) {
        this.seed = value;
        return this;
    }

    /** Mutations per strategy (default 50). */
    public FileFuzzer<T> perStrategy(int count) {
        this.perStrategy = count;
        return this;
    }

    /**
     * Accepts loaded content that differs from the original for every strategy: for formats
     * without checksums (a hand-editable manifest), where a changed byte can make another valid
     * file. Default: identity is required, except for {@link Strategy#FORGED}.
     */
    public FileFuzzer<T> withoutIdentity() {
        this.identity = false;
        return this;
    }

    /** The memory bound per case in bytes (default 32 MiB plus 32 times the file's size). */
    public FileFuzzer<T> allocationBound(long bytes) {
        this.allocationBound = bytes;
        return this;
    }

    /**
     * Runs every strategy; each mutation is written to {@code work} under the valid file's name
     * (so that messages must name exactly that file).
     *
     * @param work an empty directory for the mutated files
     * @param strategies the strategies to run (all when empty)
     */
    public Report run(Path work, Strategy... strategies) throws IOException {
        byte[] original = Files.readAllBytes(valid);
        byte[] expected = canonical.bytes(reader.read(valid));
        Path target = work.resolve(valid.getFileName());
        List<Case> cases = new ArrayList<>();
        for (Strategy s : strategies.length == 0 ? Strategy.values() : strategies) {
            for (int i = 0; i < perStrategy; i++) {
                SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (s.ordinal() * 100_003L + i));
                byte[] mutated = mutate(s, original, rng);
                Files.write(target, mutated);
                cases.add(attempt(s, i, target, expected, Arrays.equals(mutated, original)));
            }
        }
        Files.deleteIfExists(target);
        return new Report(cases, allocationBound, cpuBoundNanos);
    }

    private Case attempt(Strategy s, int index, Path file, byte[] expected, boolean unchanged) {
        long alloc0 = Allocation.ofCurrentThread();
        long cpu0 = Allocation.cpuNanosOfCurrentThread();
        String outcome;
        T loaded = null;
        try {
            loaded = reader.read(file);
            outcome = null;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            outcome = m.contains(file.getFileName().toString()) ? "rejected"
                    : "FAIL: " + e.getClass().getSimpleName() + " without the file's name: " + m;
        } catch (RuntimeException | Error e) {
            outcome = "FAIL: unchecked " + e.getClass().getName() + ": " + e.getMessage();
        }
        long allocated = Allocation.ofCurrentThread() - alloc0;
        long cpu = Allocation.cpuNanosOfCurrentThread() - cpu0;
        if (outcome == null) {
            try {
                boolean same = Arrays.equals(canonical.bytes(loaded), expected);
                outcome = same ? "identical" : identity && s.identityRequired && !unchanged
                        ? "FAIL: loaded altered content without an error" : "loaded-different";
            } catch (IOException | RuntimeException e) {
                outcome = "FAIL: what was loaded cannot be written again: " + e;
            }
        }
        if (!outcome.startsWith("FAIL") && allocated > allocationBound) {
            outcome = "FAIL: allocated " + allocated + " bytes (bound " + allocationBound + ")";
        }
        if (!outcome.startsWith("FAIL") && cpu > cpuBoundNanos) {
            outcome = "FAIL: took " + cpu / 1_000_000 + " ms of CPU (bound " + cpuBoundNanos / 1_000_000 + ")";
        }
        return new Case(s, index, outcome, allocated, cpu);
    }

    private byte[] mutate(Strategy s, byte[] original, SplittableRandom rng) throws IOException {
        byte[] b = original.clone();
        switch (s) {
            case BIT_FLIP -> b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
            case BYTE_SET -> setBytes(b, rng);
            case INTEGER -> {
                int width = new int[] {2, 4, 8}[rng.nextInt(3)];
                int at = rng.nextInt(Math.max(1, b.length - width));
                long v = EXTREME_INTEGERS[rng.nextInt(EXTREME_INTEGERS.length)];
                for (int k = 0; k < width && at + k < b.length; k++) {
                    b[at + k] = (byte) (v >>> (8 * k));
                }
            }
            case TRUNCATE -> b = Arrays.copyOf(b, rng.nextInt(b.length));
            case ENTRY_CRC_FIXED -> b = isZip(original) ? rewriteEntry(original, rng, false) : altered(b, rng);
            case FORGED -> b = isZip(original) ? rewriteEntry(original, rng, true)
                    : forged(valid.getFileName().toString(), b, rng);
            default -> throw new AssertionError(s);
        }
        return b;
    }

    private static boolean isZip(byte[] b) {
        return b.length > 4 && b[0] == 'P' && b[1] == 'K';
    }

    private static void setBytes(byte[] b, SplittableRandom rng) {
        int n = 1 + rng.nextInt(4);
        int[] values = {0x00, 0xFF, 0x7F, 0x80, 0x01, -1};
        for (int k = 0; k < n; k++) {
            int v = values[rng.nextInt(values.length)];
            b[rng.nextInt(b.length)] = (byte) (v < 0 ? rng.nextInt(256) : v);
        }
    }

    /** Alters one entry and rewrites the archive with correct CRC-32s (and, when forging, checksums). */
    private byte[] rewriteEntry(byte[] original, SplittableRandom rng, boolean forge) throws IOException {
        Path tmp = Files.createTempFile("fuzz", ".zip");
        try {
            Files.write(tmp, original);
            Map<String, byte[]> entries = IoFixtures.entries(tmp);
            List<String> names = new ArrayList<>(entries.keySet());
            names.remove(NpzArchive.CHECKSUMS);
            if (names.isEmpty()) {
                throw new IllegalArgumentException(valid + " is not an archive with entries");
            }
            // half the time a manifest (a non-array entry): one of many entries, but the one no tensor hash covers
            List<String> manifests = names.stream().filter(n -> !n.endsWith(NpzArchive.NPY_SUFFIX)).toList();
            String name = !manifests.isEmpty() && rng.nextBoolean() ? manifests.get(rng.nextInt(manifests.size()))
                    : names.get(rng.nextInt(names.size()));
            byte[] content = entries.get(name).clone();
            boolean plausible = forge || (manifests.contains(name) && rng.nextBoolean());
            entries.put(name, plausible ? forged(name, content, rng) : altered(content, rng));
            if (forge && entries.containsKey(NpzArchive.CHECKSUMS)) {
                Map<String, String> sums = new LinkedHashMap<>();
                entries.forEach((k, v) -> {
                    if (!k.equals(NpzArchive.CHECKSUMS)) {
                        sums.put(k, HexFormat.of().formatHex(Checksums.sha256().digest(v)));
                    }
                });
                entries.put(NpzArchive.CHECKSUMS, Checksums.format(sums).getBytes(StandardCharsets.US_ASCII));
            }
            IoFixtures.writeZip(tmp, entries);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] altered(byte[] content, SplittableRandom rng) {
        if (content.length == 0) {
            return new byte[] {0};
        }
        return switch (rng.nextInt(3)) {
            case 0 -> {
                content[rng.nextInt(content.length)] ^= (byte) (1 << rng.nextInt(8));
                yield content;
            }
            case 1 -> {
                setBytes(content, rng);
                yield content;
            }
            default -> Arrays.copyOf(content, rng.nextInt(content.length));
        };
    }

    /** A plausible edit: a JSON value replaced, or a digit or the type of an array header changed. */
    private static byte[] forged(String name, byte[] content, SplittableRandom rng) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (name.endsWith(".npy")) {
            int end = Math.min(text.length(), text.indexOf('\n') + 1);
            List<Integer> digits = new ArrayList<>();
            for (int i = 10; i < end; i++) {
                if (Character.isDigit(text.charAt(i))) {
                    digits.add(i);
                }
            }
            if (!digits.isEmpty() && rng.nextInt(4) > 0) {
                content[digits.get(rng.nextInt(digits.size()))] = (byte) ('0' + rng.nextInt(10));
            } else {
                int d = text.indexOf("'<f");
                if (d >= 0) {
                    content[d + 3] = (byte) "248".charAt(rng.nextInt(3));
                }
            }
            return content;
        }
        List<int[]> spans = new ArrayList<>();
        Matcher m = (rng.nextBoolean() ? JSON_NUMBER : JSON_STRING).matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return altered(content, rng);
        }
        int[] span = spans.get(rng.nextInt(spans.size()));
        String replacement = text.charAt(span[0]) == '"'
                ? new String[] {"\"\"", "\"x\"", "\"" + "a".repeat(300) + "\"", "\"NaN\"", "\"../x\"", "0", "null", "[]"}
                        [rng.nextInt(8)]
                : EXTREME_NUMBERS[rng.nextInt(EXTREME_NUMBERS.length)];
        String out = text.substring(0, span[0]) + replacement + text.substring(span[1]);
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }
}
