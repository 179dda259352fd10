package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.spark.PredictionSchema.Value;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The work of one prediction task: each video of its batch is read from its feature file and
 * predicted on its own with {@link AffectiveProcess#predictAll} and the model's default test
 * protocol, as {@code ap evaluate} and {@code AffectiveProcess.predict} do on one machine; the
 * frames come out as rows of {@link PredictionSchema}, one video at a time (a task holds one video
 * in memory).
 */
final class PredictTask implements FlatMapFunction<VideoBatch, Row> {
    private static final long serialVersionUID = 1L;

    private final String modelFile;
    private final String split;

    PredictTask(String modelFile, String split) {
        this.modelFile = modelFile;
        this.split = split;
    }

    @Override
    public Iterator<Row> call(VideoBatch batch) throws IOException {
        AffectiveProcess ap = ModelHolder.get(modelFile);
        InferenceOptions options = ap.defaultOptions();
        Iterator<VideoBatch.Video> videos = batch.videos().iterator();
        return new Iterator<>() {
            private Iterator<Row> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && videos.hasNext()) {
                    current = predict(ap, options, videos.next());
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    private Iterator<Row> predict(AffectiveProcess ap, InferenceOptions options, VideoBatch.Video video) {
        AffectSequence s;
        try {
            s = FeatureFile.read(Path.of(video.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Prediction p = ap.predictAll(List.of(s), options).get(0);
        int dy = s.labelSize();
        List<Row> rows = new ArrayList<>(s.length());
        for (int t = 0; t < s.length(); t++) {
            boolean face = s.isValid(t);
            Object[] values = new Object[5 + Value.values().length * dy];
            values[0] = video.id();
            values[1] = split;
            values[2] = t;
            values[3] = s.seconds(t);
            values[4] = face;
            for (int d = 0; d < dy; d++) {
                int o = 5 + Value.values().length * d;
                float label = s.label(t, d);
                values[o + Value.LABEL.ordinal()] = face && !Float.isNaN(label) ? label : null;
                values[o + Value.PSEUDO.ordinal()] = face ? s.pseudoLabel(t, d) : null;
                values[o + Value.MEAN.ordinal()] = p.isPredicted(t) ? p.mean(t, d) : null;
                values[o + Value.STD.ordinal()] = p.isPredicted(t) ? p.std(t, d) : null;
            }
            rows.add(RowFactory.create(values));
        }
        return rows.iterator();
    }
}
