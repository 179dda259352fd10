package org.affectiveprocesses.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.affectiveprocesses.corpora.FeatureStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ap store}: look into a feature store, or write the synthetic corpus as one. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Feature stores (a directory of per-video .npz feature files and store.json): info, synthetic.",
        subcommands = {StoreCommand.Info.class, StoreCommand.Synthetic.class, CommandLine.HelpCommand.class})
public final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name what to do: ap store info DIR, or ap store synthetic DIR");
    }

    /** Prints what a store holds, reading only the files' headers. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Print a feature store's label space, feature size and splits (videos, subjects, frames).")
    public static final class Info implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the store's directory")
        Path dir;

        @Override
        public Integer call() throws Exception {
            FeatureStore store = FeatureStore.open(dir);
            PrintStream out = System.out;
            out.println(store);
            out.println("label space: " + store.labelSpace());
            store.protocol().ifPresent(p -> out.println("protocol: " + p));
            out.println();
            out.println("| Split | Videos | Subjects | Frames |");
            out.println("|---|---|---|---|");
            for (String name : store.splitNames()) {
                TreeSet<String> subjects = new TreeSet<>();
                long frames = 0;
                for (String id : store.videoIds(name)) {
                    FeatureFile.Header h = store.header(id);
                    subjects.add(h.subject());
                    frames += h.frames();
                }
                out.printf(Locale.ROOT, "| %s | %d | %d | %,d |%n", name, store.split(name).size(), subjects.size(), frames);
            }
            return 0;
        }
    }

    /** Writes the built-in synthetic corpus as a feature store. */
    @Command(name = "synthetic", mixinStandardHelpOptions = true,
            description = {"Write the built-in synthetic corpus as a feature store (an example of the layout).",
                "Example: ap store synthetic --preset va demo-store"})
    public static final class Synthetic implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--preset", description = "va (default), au (BP4D Action Units) or small (a tiny va corpus)")
        String preset = "va";

        @Option(names = "--seed", description = "the corpus seed (default ${DEFAULT-VALUE})")
        long seed = SyntheticConfig.DEFAULT_SEED;

        @Parameters(paramLabel = "DIR", description = "a new or empty directory (its parent must exist)")
        Path dir;

        @Override
        public Integer call() throws Exception {
            SyntheticConfig config = corpusConfig();
            Outputs.checkDirectory(dir, "DIR", true);
            FeatureStore store = FeatureStore.write(dir, SyntheticAffectCorpus.generate(config));
            System.out.println("Wrote " + store);
            return 0;
        }

        /** The configuration of the --preset with the --seed. */
        SyntheticConfig corpusConfig() {
            return DataOptions.preset(spec, "--preset", preset, seed);
        }
    }
}
