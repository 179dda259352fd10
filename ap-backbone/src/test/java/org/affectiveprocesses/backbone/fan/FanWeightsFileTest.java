package org.affectiveprocesses.backbone.fan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.Backbones;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.synthetic.SyntheticFaces;
import org.affectiveprocesses.io.NpyArray;
import org.affectiveprocesses.io.NpzArchive;
import org.affectiveprocesses.io.NpzReader;
import org.affectiveprocesses.io.NpzWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanWeightsFileTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadGiveTheSameNetwork() throws IOException {
        Path file = dir.resolve("tiny" + FanWeightsFile.EXTENSION);
        List<RgbImage> faces = List.of(SyntheticFaces.valenceArousal(1, 96, 1).get(0).image(),
                SyntheticFaces.valenceArousal(1, 160, 2).get(0).image());
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 7)) {
            net.freezeAlignment(true);
            net.save(file);
            try (FanBackbone original = FanBackbone.of("a", FanNetwork.create(TinyNets.valenceArousal(), 7));
                    FanBackbone loaded = FanBackbone.load("b", file)) {
                assertThat(loaded.network().alignmentFrozen()).isTrue();
                assertThat(loaded.network().config()).isEqualTo(net.config());
                Map<String, float[]> a = net.snapshot();
                Map<String, float[]> b = loaded.network().snapshot();
                assertThat(b.keySet()).containsExactlyElementsOf(a.keySet());
                a.forEach((k, v) -> assertThat(b.get(k)).as(k).containsExactly(v));
                List<FrameEncoding> x = original.encodeAll(faces);
                List<FrameEncoding> y = loaded.encodeAll(faces);
                for (int i = 0; i < faces.size(); i++) {
                    assertThat(y.get(i).features()).containsExactly(x.get(i).features());
                    assertThat(y.get(i).pseudoLabels()).containsExactly(x.get(i).pseudoLabels());
                }
            }
        }
    }

    @Test
    void backboneEncodingsHaveTheDeclaredSizes() {
        try (FanBackbone b = FanBackbone.of("fan", FanNetwork.create(TinyNets.valenceArousal(), 8))) {
            assertThat(b.featureSize()).isEqualTo(8);
            List<RgbImage> faces = SyntheticFaces.valenceArousal(20, 64, 3).stream().map(FaceSample::image).toList();
            List<FrameEncoding> all = b.encodeAll(faces);
            assertThat(all).hasSize(20);
            for (FrameEncoding e : all) {
                assertThat(e.features()).hasSize(8);
                assertThat(e.pseudoLabels()).hasSize(2);
                for (float v : e.pseudoLabels()) {
                    assertThat(v).isBetween(-1f, 1f);
                }
                float[] p = e.outputs().get(FanBackbone.EMOTION);
                assertThat(p).hasSize(7);
                double sum = 0;
                for (float v : p) {
                    sum += v;
                }
                assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
            float[] alone = b.encode(faces.get(17)).features();
            float[] batched = all.get(17).features();
            for (int i = 0; i < alone.length; i++) {
                assertThat(alone[i]).isCloseTo(batched[i], org.assertj.core.data.Offset.offset(1e-3f * (1 + Math.abs(batched[i]))));
            }
            assertThatThrownBy(() -> b.encode(RgbImage.of(10, 40, new byte[1200])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'fan'")
                    .hasMessageContaining("10x40");
        }
    }

    @Test
    void theProviderFindsTheWeightsFileNamedByTheSystemProperty() throws IOException {
        Path file = dir.resolve("provided" + FanWeightsFile.EXTENSION);
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 9)) {
            net.save(file);
        }
        assertThat(Backbones.available()).containsKeys("fan", "precomputed");
        String old = System.getProperty(FanBackboneProvider.PROPERTY);
        try {
            System.clearProperty(FanBackboneProvider.PROPERTY);
            assertThatThrownBy(() -> Backbones.byName("fan")).hasMessageContaining("-Dap.backbone.fan=");
            System.setProperty(FanBackboneProvider.PROPERTY, file.toString());
            try (Backbone b = Backbones.byName("fan")) {
                assertThat(b.name()).isEqualTo("fan");
                assertThat(b.featureSize()).isEqualTo(8);
            }
        } finally {
            if (old == null) {
                System.clearProperty(FanBackboneProvider.PROPERTY);
            } else {
                System.setProperty(FanBackboneProvider.PROPERTY, old);
            }
        }
    }

    @Test
    void damagedOrForeignFilesAreRejectedNamingTheEntry() throws IOException {
        Path file = dir.resolve("w.apbackbone");
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 10)) {
            net.save(file);
        }
        FanWeightsFile.Contents c = FanWeightsFile.read(file);

        Path wider = dir.resolve("wider.apbackbone");
        FanWeightsFile.write(wider, new FanWeightsFile.Contents(c.config().withWidth(12), false, c.parameters()));
        assertThatThrownBy(() -> FanNetwork.load(wider)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("wider.apbackbone").hasMessageContaining("has shape");

        Path missing = dir.resolve("missing.apbackbone");
        Map<String, NpyArray> fewer = new LinkedHashMap<>(c.parameters());
        String dropped = fewer.keySet().iterator().next();
        fewer.remove(dropped);
        FanWeightsFile.write(missing, new FanWeightsFile.Contents(c.config(), false, fewer));
        assertThatThrownBy(() -> FanNetwork.load(missing)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("lacks the parameter '" + dropped + "'");

        Path extra = dir.resolve("extra.apbackbone");
        try (NpzReader r = NpzArchive.open(file); NpzWriter w = NpzArchive.createWithChecksums(extra)) {
            w.putText(FanWeightsFile.MANIFEST, r.text(FanWeightsFile.MANIFEST));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.put("payload", NpyArray.ofFloats(new int[] {1}, new float[] {1}));
            w.commit();
        }
        assertThatThrownBy(() -> FanWeightsFile.read(extra)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("unknown entry 'payload.npy'");

        Path badVersion = dir.resolve("v3.apbackbone");
        try (NpzReader r = NpzArchive.open(file); NpzWriter w = NpzArchive.createWithChecksums(badVersion)) {
            w.putText(FanWeightsFile.MANIFEST, r.text(FanWeightsFile.MANIFEST)
                    .replace("\"formatVersion\" : 2", "\"formatVersion\" : 3"));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.commit();
        }
        assertThatThrownBy(() -> FanWeightsFile.read(badVersion)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("format version 3");

        Path foreign = dir.resolve("foreign.apbackbone");
        try (NpzReader r = NpzArchive.open(file); NpzWriter w = NpzArchive.createWithChecksums(foreign)) {
            w.putText(FanWeightsFile.MANIFEST, r.text(FanWeightsFile.MANIFEST)
                    .replace("\"architecture\" : \"fan-lite\"", "\"architecture\" : \"resnet\", \"owner\" : \"x\""));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.commit();
        }
        assertThatThrownBy(() -> FanWeightsFile.read(foreign)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("foreign.apbackbone").hasMessageContaining("'owner'");

        Path v1 = dir.resolve("v1.apbackbone");
        try (NpzReader r = NpzArchive.open(file); NpzWriter w = NpzArchive.create(v1)) {
            w.putText(FanWeightsFile.MANIFEST, r.text(FanWeightsFile.MANIFEST)
                    .replace("\"formatVersion\" : 2", "\"formatVersion\" : 1"));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.commit();
        }
        assertThat(FanWeightsFile.read(v1).parameters().keySet()).isEqualTo(c.parameters().keySet());
        Path unsummed = dir.resolve("unsummed.apbackbone");
        try (NpzReader r = NpzArchive.open(file); NpzWriter w = NpzArchive.create(unsummed)) {
            w.putText(FanWeightsFile.MANIFEST, r.text(FanWeightsFile.MANIFEST));
            for (String name : r.names()) {
                w.put(name, r.get(name));
            }
            w.commit();
        }
        assertThatThrownBy(() -> FanWeightsFile.read(unsummed)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("has no entry 'checksums.sha256', which format version 2 requires");

        Path notZip = dir.resolve("text.apbackbone");
        java.nio.file.Files.writeString(notZip, "not a weights file");
        assertThatThrownBy(() -> FanNetwork.load(notZip)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("text.apbackbone");
        assertThatThrownBy(() -> FanNetwork.load(dir.resolve("absent.apbackbone"))).isInstanceOf(IOException.class)
                .hasMessageContaining("absent.apbackbone");
    }

    @Test
    void restoreRejectsForeignParameters() {
        try (FanNetwork net = FanNetwork.create(TinyNets.valenceArousal(), 11)) {
            Map<String, float[]> values = net.snapshot();
            values.put("alien", new float[] {1});
            assertThatThrownBy(() -> net.restore(values)).hasMessageContaining("alien");
        }
    }
}
