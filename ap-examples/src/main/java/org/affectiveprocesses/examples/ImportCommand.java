package org.affectiveprocesses.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.affectiveprocesses.corpora.Annotation;
import org.affectiveprocesses.corpora.AnnotationLayout;
import org.affectiveprocesses.corpora.CorpusImport;
import org.affectiveprocesses.corpora.FeatureIndex;
import org.affectiveprocesses.corpora.FeatureStore;
import org.affectiveprocesses.corpora.Partition;
import org.affectiveprocesses.corpora.Protocols;
import org.affectiveprocesses.corpora.SubjectMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ap import}: reads a corpus's annotations in their native layout, joins them with
 * per-video feature files and writes a feature store whose splits follow the paper's protocol.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Join a corpus's annotations (native layout) with per-video feature files into a feature store.",
            "Examples:",
            "  ap import --layout disfa --annotations DISFA/ActionUnit_Labels --features disfa-npz --out disfa-store",
            "  ap import --layout bp4d --annotations BP4D/AUIntensity --features bp4d-npz --protocol lists:fera2015 --out bp4d-store",
            "  ap import --layout sewa --annotations SEWA/labels --features sewa-npz --out sewa-store --seed 1"})
public final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layout", required = true, paramLabel = "NAME",
            description = "affwild2, sewa, disfa or bp4d (see docs/CORPORA.md for the files each expects)")
    String layout;

    @Option(names = "--annotations", required = true, paramLabel = "DIR", description = "the annotation files (any depth)")
    Path annotations;

    @Option(names = "--features", required = true, paramLabel = "DIR",
            description = "per-video feature files <video>.npz (docs/FEATURE-FORMAT.md; `ap extract` writes them)")
    Path features;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "the new store's directory")
    Path out;

    @Option(names = "--name", description = "the store's name (default: the layout's)")
    String name;

    @Option(names = "--protocol", paramLabel = "P",
            description = {"the splits: default (the layout's paper protocol: sewa 8:1:1, disfa 3 folds, affwild2 folders;",
                "bp4d needs lists:DIR), sewa, disfa, folds:K, lists:DIR (<split>.txt subject lists), folders or none"})
    String protocol = "default";

    @Option(names = "--seed", description = "seed of random protocols (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--validation-subjects", paramLabel = "N",
            description = "disfa and folds:K: hold out N of each fold's training subjects as foldK/validation (default 0)")
    int validationSubjects;

    @Option(names = "--subjects", paramLabel = "FILE", description = "a 'video,subject' file, when videos share subjects")
    Path subjects;

    @Option(names = "--length-tolerance", paramLabel = "N",
            description = "frames an annotation and its feature file may differ by (default ${DEFAULT-VALUE})")
    int lengthTolerance;

    @Option(names = {"-q", "--quiet"}, description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        AnnotationLayout l;
        try {
            l = AnnotationLayout.byName(layout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (lengthTolerance < 0) {
            throw new ParameterException(spec.commandLine(), "--length-tolerance must be >= 0");
        }
        Outputs.checkDirectory(out, "--out", true);
        PrintStream console = System.out;
        List<Annotation> labels = l.read(annotations);
        if (subjects != null) {
            labels = SubjectMap.read(subjects).apply(labels);
        }
        Partition partition = partition(l, labels);
        console.printf(Locale.ROOT, "Read %d %s annotations (%d subjects); splits: %s%n", labels.size(), l.cliName(),
                Protocols.subjectsOf(labels).size(), partition);
        Progress progress = new Progress(System.err, !quiet);
        progress.start("importing", labels.size());
        CorpusImport.Summary s = CorpusImport.of(labels, FeatureIndex.scan(features)).lengthTolerance(lengthTolerance)
                .progress((done, total, video) -> progress.update(done, video))
                .run(out, name != null ? name : l.cliName(), partition);
        FeatureStore store = s.store();
        console.printf(Locale.ROOT, "Wrote %s: %d videos, %,d frames (%,d labelled)%n", out, s.videos(), s.frames(),
                s.labelledFrames());
        console.println(store);
        if (!s.unusedFeatureFiles().isEmpty()) {
            console.println(s.unusedFeatureFiles().size() + " feature files match no annotation and were left out, e.g. "
                    + s.unusedFeatureFiles().get(0));
        }
        if (!s.videosInNoSplit().isEmpty()) {
            console.println(s.videosInNoSplit().size() + " videos are in no split (their subjects are in no list), e.g. "
                    + s.videosInNoSplit().get(0));
        }
        return 0;
    }

    private Partition partition(AnnotationLayout l, List<Annotation> labels) throws IOException {
        String p = protocol.toLowerCase(Locale.ROOT);
        if (p.equals("default")) {
            p = switch (l) {
                case SEWA -> "sewa";
                case DISFA -> "disfa";
                case AFF_WILD2 -> "folders";
                case BP4D -> throw new ParameterException(spec.commandLine(),
                        "BP4D's official partitions come from list files: give --protocol lists:DIR (train.txt, "
                                + "validation.txt, ... with one subject per line; docs/CORPORA.md lists FERA 2015's)");
            };
        }
        List<String> subjectNames = Protocols.subjectsOf(labels);
        try {
            if (p.equals("sewa")) {
                return Protocols.sewa(subjectNames, seed);
            }
            if (p.equals("disfa")) {
                return Protocols.disfa(subjectNames, seed, validationSubjects);
            }
            if (p.startsWith("folds:")) {
                return Protocols.folds(subjectNames, Integer.parseInt(p.substring("folds:".length())), seed,
                        validationSubjects);
            }
            if (p.startsWith("lists:")) {
                return Protocols.fromListFiles(Path.of(protocol.substring("lists:".length())), subjectNames);
            }
            if (p.equals("folders")) {
                return Protocols.fromFolders(labels);
            }
            if (p.equals("none")) {
                return Protocols.single(subjectNames);
            }
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--protocol folds:K needs a number K, got '" + protocol + "'");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        throw new ParameterException(spec.commandLine(), "unknown --protocol '" + protocol
                + "'; expected default, sewa, disfa, folds:K, lists:DIR, folders or none");
    }
}
