package org.affectiveprocesses.examples;

import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.InferenceOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Test-protocol options that override a model's defaults (the paper: L = 70, C = 40, lowest σ). */
final class InferenceOverrides {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--window", paramLabel = "L", description = "frames per window (the model's default: the paper's 70)")
    Integer window;

    @Option(names = "--context", paramLabel = "C", description = "context frames per window (the paper: 40)")
    Integer context;

    @Option(names = "--hop", paramLabel = "N", description = "frames between window starts (default: the window length)")
    Integer hop;

    @Option(names = "--selector", paramLabel = "NAME",
            description = "context selection: lowest-sigma (the paper), highest-sigma, all or random:<seed>")
    String selector;

    /**
     * The model's options with these overrides.
     *
     * @throws ParameterException (usage error) for a value out of range or an unknown selector
     */
    InferenceOptions apply(InferenceOptions base) {
        try {
            InferenceOptions o = base;
            if (window != null) {
                o = o.withWindowLength(window);
            }
            if (hop != null) {
                o = o.withHop(hop);
            }
            if (context != null) {
                o = o.withContextSize(context);
            }
            if (selector != null) {
                o = o.withSelector(ContextSelectors.parse(selector));
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
