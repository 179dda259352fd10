package org.affectiveprocesses.examples;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.charts.ContextStudyChart;
import org.affectiveprocesses.charts.WindowChart;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.evaluation.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ap plot}: the paper's figures as PNG files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw the paper's figures as PNG files: Fig. 4 (a window) or Fig. 3 (context selection).",
        subcommands = {PlotCommand.Window.class, PlotCommand.Context.class, CommandLine.HelpCommand.class})
public final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a figure: ap plot window ... or ap plot context ...");
    }

    /** Fig. 4 for one window of one sequence. */
    @Command(name = "window", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Fig. 4: ground truth, backbone, AP mean ± σ, function samples and context frames of a window.",
                "Example: ap plot window --store sewa-store -m sewa.apmodel --split test --sequence S12-V1 -o fig4.png"})
    public static final class Window extends Figure {
        @Option(names = {"-s", "--split"}, paramLabel = "SPLIT", description = "the split (default ${DEFAULT-VALUE})")
        String split = "test";

        @Option(names = "--sequence", paramLabel = "ID", description = "the sequence (default: the split's first)")
        String sequence;

        @Option(names = "--window-index", paramLabel = "K", description = "which window to draw, from 0 (default: the middle one)")
        Integer windowIndex;

        @Option(names = "--frames", paramLabel = "FROM-TO", description = "draw frames FROM to TO (inclusive) instead of a window")
        String frames;

        @Option(names = "--dimension", paramLabel = "NAME", description = "the label dimension (default: the first)")
        String dimension;

        @Option(names = "--samples", paramLabel = "N", description = "function samples (default ${DEFAULT-VALUE})")
        int samples = 10;

        @Mixin
        InferenceOverrides protocol;

        @Option(names = "--size", paramLabel = "WxH", description = "image size in pixels (default ${DEFAULT-VALUE})")
        String size = WindowChart.DEFAULT_WIDTH + "x" + WindowChart.DEFAULT_HEIGHT;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the PNG to write (default ${DEFAULT-VALUE})")
        Path out = Path.of("fig4.png");

        @Override
        public Integer call() throws Exception {
            int[] wh = pixels(size);
            if (samples < 0 || samples > InferenceOptions.MAX_SAMPLES) {
                throw new ParameterException(spec.commandLine(), "--samples must be in [0, " + InferenceOptions.MAX_SAMPLES
                        + "], got " + samples);
            }
            Outputs.checkFile(out, "--out");
            SequenceDataset ds = data.open().split(split);
            AffectSequence s = find(ds, sequence);
            try (AffectiveProcess ap = AffectiveProcess.load(model)) {
                InferenceOptions o = protocol.apply(ap.defaultOptions()).withSamples(samples, 7);
                Prediction p = ap.predict(s, o);
                WindowChart chart = WindowChart.of(s, p).size(wh[0], wh[1]).subtitle(WindowFigures.legend(ap, samples));
                if (dimension != null) {
                    chart.dimension(dimension);
                }
                if (frames != null) {
                    int[] range = twoNumbers(spec, frames, "-", "--frames must be FROM-TO (frame numbers), got ");
                    chart.frames(range[0], range[1] + 1);
                } else {
                    chart.window(windowIndex != null ? windowIndex : p.windows().size() / 2);
                }
                Outputs.write(out, chart.build()::write);
            }
            System.out.println("Wrote " + out + " (" + s.id() + ")");
            return 0;
        }

        private static AffectSequence find(SequenceDataset ds, String id) {
            if (id == null) {
                return ds.get(0);
            }
            for (int i = 0; i < ds.size(); i++) {
                AffectSequence s = ds.get(i);
                if (s.id().equals(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("split '" + ds.name() + "' has no sequence '" + id + "'");
        }
    }

    /** Fig. 3: the context-selection study. */
    @Command(name = "context", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Fig. 3: score vs number of context points for lowest σ, random and highest σ selection.",
                "Example: ap plot context --store sewa-store -m sewa.apmodel --split validation -o fig3.png"})
    public static final class Context extends Figure {
        @Option(names = {"-s", "--split"}, paramLabel = "SPLIT", description = "the split (default ${DEFAULT-VALUE})")
        String split = "validation";

        @Option(names = "--sizes", split = ",", paramLabel = "C", description = "context sizes (default 10,20,30,40,50,60)")
        int[] sizes = {10, 20, 30, 40, 50, 60};

        @Option(names = "--dimension", paramLabel = "NAME", description = "one label dimension (default: the mean)")
        String dimension;

        @Option(names = "--size", paramLabel = "WxH", description = "image size in pixels (default ${DEFAULT-VALUE})")
        String size = ContextStudyChart.DEFAULT_WIDTH + "x" + ContextStudyChart.DEFAULT_HEIGHT;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the PNG to write (default ${DEFAULT-VALUE})")
        Path out = Path.of("fig3.png");

        @Override
        public Integer call() throws Exception {
            int[] wh = pixels(size);
            Outputs.checkFile(out, "--out");
            SequenceDataset ds = data.open().split(split);
            try (AffectiveProcess ap = AffectiveProcess.load(model)) {
                ContextStudy.Result r;
                try {
                    r = ContextStudy.of(ap, ds).selectors(ContextSelectors.lowestSigma(), ContextSelectors.random(7),
                            ContextSelectors.highestSigma()).contextSizes(sizes).run();
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage(), e);
                }
                double backbone = dimension == null ? Evaluation.ofBackbone(ds, "Backbone").mean(r.metric())
                        : Evaluation.ofBackbone(ds, "Backbone").value(r.metric(), dimension);
                ContextStudyChart c = ContextStudyChart.of(r).backbone(backbone).size(wh[0], wh[1]);
                if (dimension != null) {
                    c.dimension(dimension);
                }
                Outputs.write(out, c.build()::write);
                System.out.println(r.toMarkdown());
                System.out.printf(Locale.ROOT, "Backbone: %.3f%nWrote %s%n", backbone, out);
            }
            return 0;
        }
    }

    /** What both figures read: the data and the model. */
    abstract static class Figure implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DataOptions data;

        @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "the model file")
        Path model;

        /** The width and height in an image size such as {@code 900x420} ({@code --size}). */
        int[] pixels(String size) {
            return twoNumbers(spec, size, "x", "--size must be WIDTHxHEIGHT in pixels, e.g. 900x420; got ");
        }
    }

    /**
     * The two whole numbers either side of {@code separator} in {@code text}, read in lower case (so
     * {@code 900X420} is an image size too).
     *
     * @throws ParameterException (usage error) with {@code problem} and the text unless there are
     *     exactly two whole numbers
     */
    private static int[] twoNumbers(CommandSpec spec, String text, String separator, String problem) {
        String[] p = text.toLowerCase(Locale.ROOT).split(separator);
        try {
            if (p.length == 2) {
                return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), problem + "'" + text + "'");
    }
}
