package org.affectiveprocesses.backbone.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.ImageTensors;
import org.affectiveprocesses.backbone.fan.FanBackbone;
import org.affectiveprocesses.backbone.fan.FanConfig;
import org.affectiveprocesses.backbone.fan.FanNetwork;
import org.affectiveprocesses.backbone.synthetic.SyntheticFaces;

/**
 * Measures the paper's backbone at 256 × 256: milliseconds per frame through the SDK ({@link
 * FanBackbone#encodeAll}: preprocessing, the network, copying the outputs) next to the same
 * network run directly through DJL ({@code Block.forward} on a ready input tensor, outputs read
 * back), at batch 1 and batch 16, and the ratio SDK / direct (the SDK's overhead). Rounds
 * alternate the two paths and the median round is reported. The weights are random (the cost
 * does not depend on them).
 *
 * <pre>
 * java -Dai.djl.offline=true -cp ... org.affectiveprocesses.backbone.bench.BackboneBench [--frames 16] [--rounds 3]
 * </pre>
 */
public final class BackboneBench {
    private static final int[] BATCHES = {1, 16};

    private BackboneBench() {
    }

    /**
     * Runs the benchmark and prints a table.
     *
     * @param args {@code --frames N} frames per round and batch size (default 16), {@code
     *     --rounds N} rounds (default 3)
     */
    public static void main(String[] args) {
        int frames = 16;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --frames N and --rounds N");
            }
        }
        run(frames, rounds, System.out);
    }

    /**
     * Runs the benchmark.
     *
     * @param frames frames per round and batch size (a multiple of 16 is best)
     * @param rounds rounds per batch size
     * @param out where the table goes
     * @return per batch size: {@code [batch, sdk ms/frame, direct ms/frame]}
     */
    public static List<double[]> run(int frames, int rounds, PrintStream out) {
        if (frames < 1 || rounds < 1) {
            throw new IllegalArgumentException("frames and rounds must be positive");
        }
        FanConfig config = FanConfig.paperValenceArousal();
        List<RgbImage> faces = new ArrayList<>();
        SyntheticFaces.valenceArousal(frames, config.inputSize(), 1).forEach(f -> faces.add(f.image()));
        List<double[]> rows = new ArrayList<>();
        try (FanBackbone backbone = FanBackbone.of("fan", FanNetwork.create(config, 1))) {
            FanNetwork net = backbone.network();
            out.printf(Locale.ROOT, "paper backbone: %s%n", net.complexity());
            out.printf(Locale.ROOT, "PyTorch %s, %d processors visible to the JVM%n%n",
                    Engine.getEngine(FanNetwork.ENGINE).getVersion(), Runtime.getRuntime().availableProcessors());
            out.printf(Locale.ROOT, "| batch | SDK ms/frame | direct DJL ms/frame | SDK / direct |%n");
            out.printf(Locale.ROOT, "|------:|-------------:|--------------------:|-------------:|%n");
            for (int batch : BATCHES) {
                List<List<RgbImage>> groups = new ArrayList<>();
                for (int from = 0; from < faces.size(); from += batch) {
                    groups.add(faces.subList(from, Math.min(faces.size(), from + batch)));
                }
                sdk(backbone, groups.subList(0, 1));
                direct(net, groups.subList(0, 1), backbone);
                double[] sdk = new double[rounds];
                double[] direct = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    sdk[r] = sdk(backbone, groups) / faces.size();
                    direct[r] = direct(net, groups, backbone) / faces.size();
                }
                double s = median(sdk);
                double d = median(direct);
                rows.add(new double[] {batch, s, d});
                out.printf(Locale.ROOT, "| %5d | %12.1f | %19.1f | %12.3f |%n", batch, s, d, s / d);
            }
        }
        return rows;
    }

    private static double sdk(FanBackbone backbone, List<List<RgbImage>> groups) {
        long start = System.nanoTime();
        for (List<RgbImage> g : groups) {
            backbone.encodeAll(g);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static double direct(FanNetwork net, List<List<RgbImage>> groups, FanBackbone backbone) {
        List<float[]> inputs = new ArrayList<>();
        for (List<RgbImage> g : groups) {
            inputs.add(ImageTensors.batch(g, backbone.preprocessing(), "fan"));
        }
        double total = 0;
        ParameterStore ps = new ParameterStore(net.manager(), false);
        for (int i = 0; i < groups.size(); i++) {
            try (NDManager m = net.manager().newSubManager()) {
                NDArray x = m.create(inputs.get(i), FanNetwork.inputShape(net.config(), groups.get(i).size()));
                long start = System.nanoTime();
                NDList y = net.block().forward(ps, new NDList(x), false);
                y.get(0).toFloatArray();
                y.get(1).toFloatArray();
                total += (System.nanoTime() - start) / 1e6;
            }
        }
        return total;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
