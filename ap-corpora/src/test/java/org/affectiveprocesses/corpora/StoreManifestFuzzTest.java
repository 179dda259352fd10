package org.affectiveprocesses.corpora;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.FileFuzzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code store.json} (see ap-io's {@code FileFuzzer}): 360 mutations each fail
 * with a checked exception naming {@code store.json} or open a valid store (every listed video
 * exists, no video in two splits that must be disjoint), within the memory and CPU bounds.
 * store.json carries no checksum (it is meant to be edited by hand), so a mutation may yield
 * another valid store, e.g. a renamed split; the report counts those.
 */
class StoreManifestFuzzTest {
    @TempDir
    Path dir;

    private static byte[] canonical(FeatureStore s) {
        StringBuilder sb = new StringBuilder(s.name()).append('\n').append(s.protocol().orElse("-")).append('\n');
        for (String split : s.splitNames()) {
            sb.append(split).append(s.videoIds(split)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyMutationIsRejectedNamingTheFileOrOpensAValidStore() throws IOException {
        FeatureStoreWriter w = FeatureStore.create(dir.resolve("store"), "fuzz");
        for (int i = 0; i < 9; i++) {
            w.add(Fixtures.features("v" + i, LabelSpace.valenceArousal(), 6, 2, i));
        }
        w.finish(Map.of("fold1/train", List.of("v0", "v1", "v2", "v3"), "fold1/test", List.of("v4", "v5"),
                "fold2/train", List.of("v4", "v5", "v6"), "fold2/test", List.of("v0", "v1"), "holdout",
                List.of("v7", "v8")), "fuzz protocol");
        Path work = Files.createDirectory(dir.resolve("work"));
        try (Stream<Path> files = Files.list(dir.resolve("store"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".npz")).toList()) {
                Files.copy(f, work.resolve(f.getFileName()));
            }
        }
        FileFuzzer.Report r = FileFuzzer.of(dir.resolve("store").resolve(StoreManifest.FILE),
                file -> FeatureStore.open(file.getParent()), StoreManifestFuzzTest::canonical)
                .withoutIdentity().seed(14).perStrategy(60).run(work);
        System.out.println("store.json, " + Files.size(dir.resolve("store/store.json")) + " bytes:\n" + r);
        assertThat(r.failures()).as(r.toString()).isEmpty();
        assertThat(r.cases()).hasSize(360);
    }
}
