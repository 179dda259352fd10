package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticAffectCorpus;
import org.affectiveprocesses.synthetic.SyntheticConfig;
import org.affectiveprocesses.corpora.FeatureStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where a command's data comes from: a feature store on disk or the built-in synthetic corpus. */
final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--store", paramLabel = "DIR",
            description = "a feature store directory (made by `ap import` or `ap store synthetic`)")
    Path store;

    @Option(names = "--synthetic", paramLabel = "PRESET",
            description = "the built-in synthetic corpus instead: va, au (BP4D Action Units) or small (a tiny va corpus)")
    String synthetic;

    @Option(names = "--synthetic-seed", paramLabel = "N", description = "seed of the synthetic corpus (default ${DEFAULT-VALUE})")
    long syntheticSeed = SyntheticConfig.DEFAULT_SEED;

    @Option(names = "--cache-mb", paramLabel = "MiB",
            description = "memory for feature-store videos (default: 512 MiB or a quarter of the heap)")
    Long cacheMb;

    /**
     * Opens the corpus.
     *
     * @throws ParameterException (usage error) unless exactly one of --store and --synthetic is given
     */
    AffectCorpus open() throws IOException {
        if ((store == null) == (synthetic == null)) {
            throw new ParameterException(spec.commandLine(),
                    "give the data with exactly one of --store DIR and --synthetic PRESET");
        }
        if (store != null) {
            long bytes = cacheMb == null ? FeatureStore.DEFAULT_CACHE_BYTES : cacheMb << 20;
            return FeatureStore.open(store, bytes);
        }
        return SyntheticAffectCorpus.generate(syntheticConfig());
    }

    /** The data in words, for reports. */
    String describe() {
        return store != null ? "feature store " + store : "synthetic corpus '" + synthetic + "', seed " + syntheticSeed;
    }

    /** The configuration of the --synthetic preset with the --synthetic-seed. */
    SyntheticConfig syntheticConfig() {
        return preset(spec, "--synthetic", synthetic, syntheticSeed);
    }

    /**
     * A synthetic preset named on the command line ({@link SyntheticConfig#preset}).
     *
     * @throws ParameterException (usage error) naming the option and the presets if there is no such preset
     */
    static SyntheticConfig preset(CommandSpec spec, String option, String name, long seed) {
        try {
            return SyntheticConfig.preset(name, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "unknown " + option + " '" + name + "'; expected one of "
                    + SyntheticConfig.PRESETS, e);
        }
    }
}
