package org.affectiveprocesses.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A writer in a child process for {@link KillTest}: starts a pending file or directory for the
 * target, writes into it, says {@code ready} on standard output and waits to be killed.
 */
public final class KilledWriter {
    private KilledWriter() {
    }

    /**
     * @param args {@code file} or {@code directory}, then the target
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path target = Path.of(args[1]);
        if (args[0].equals("file")) {
            PendingFile f = PendingFile.create(target);
            f.outputStream().write("partial".getBytes(StandardCharsets.UTF_8));
        } else {
            PendingDirectory d = PendingDirectory.create(target);
            Files.writeString(d.path().resolve("S01-V1.npz"), "partial");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
