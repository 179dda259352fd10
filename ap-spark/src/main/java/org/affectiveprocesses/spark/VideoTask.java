package org.affectiveprocesses.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.output.VideoExport;
import org.apache.spark.TaskContext;

/**
 * The work of one extraction task on an executor: one video through {@link VideoExport#run}, the
 * path of {@code ap extract}, with a recognizer from the executor's {@link RecognizerPool}.
 *
 * <p>Outputs appear atomically: the CSV is moved into place by {@code VideoExport}; the feature
 * file is written to a name of this task attempt in the staging directory and then moved to
 * {@code <stem>.npz}, last. A retried or speculative attempt therefore never sees, nor leaves, a
 * half-written file, and two attempts that both finish write the same bytes. An exception while
 * reading or analysing the video becomes a {@link VideoOutcome.Status#FAILED} outcome (the job goes
 * on); an {@link Error} ends the attempt, and Spark retries the task.
 */
final class VideoTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ExtractJob job;
    private final FrameHook hook;

    VideoTask(ExtractJob job, FrameHook hook) {
        this.job = job;
        this.hook = hook;
    }

    VideoOutcome run(String videoPath) throws IOException {
        Path video = Path.of(videoPath);
        StoreLayout layout = new StoreLayout(Path.of(job.store()));
        if (layout.isDone(video)) {
            return VideoOutcome.skipped(videoPath);
        }
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        String attemptId = task == null ? Long.toString(ProcessHandle.current().pid()) : Long.toString(task.taskAttemptId());
        String stem = VideoInputs.stem(video);
        Path staged = layout.staging().resolve(stem + ".attempt-" + attemptId + ".npz");
        RecognizerPool.Settings settings = job.recognizerSettings();
        long t0 = System.nanoTime();
        AffectRecognizer recognizer = RecognizerPool.borrow(settings);
        try {
            VideoExport.Result r = VideoExport.run(recognizer, video, layout.csvFile(stem), staged,
                    (frames, declared, seconds) -> hook.afterFrame(videoPath, attempt, frames));
            Files.move(staged, layout.featureFile(stem), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return VideoOutcome.extracted(videoPath, r.frames(), r.faces(), (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            return VideoOutcome.failed(videoPath, e, (System.nanoTime() - t0) / 1e9);
        } finally {
            Files.deleteIfExists(staged);
            RecognizerPool.release(settings, recognizer);
        }
    }
}
