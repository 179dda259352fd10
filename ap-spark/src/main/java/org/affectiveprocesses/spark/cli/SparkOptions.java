package org.affectiveprocesses.spark.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * Where a command runs: {@code --master} (default: the master spark-submit gives, else
 * {@code local[*]}, every core of this machine) and {@code --conf} Spark settings.
 */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] (N task slots on this machine), spark://HOST:7077 (a standalone "
                    + "cluster), ... (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. spark.executor.memory=6g")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Spark's INFO log and stack traces of errors")
    boolean verbose;

    /** A job on a Spark session. */
    @FunctionalInterface
    interface Job<T> {
        T run(SparkSession spark) throws IOException;
    }

    /** Runs a job on a new session and stops the session. */
    <T> T run(String appName, Job<T> job) throws IOException {
        SparkSession s = session(appName);
        try {
            return job.run(s);
        } finally {
            s.stop();
        }
    }

    /** The session: this machine's when the master is local (the driver listens on 127.0.0.1 only). */
    private SparkSession session(String appName) {
        String m = master != null ? master : System.getProperty("spark.master") != null ? null : "local[*]";
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (m != null) {
            b.master(m);
            if (m.startsWith("local")) {
                b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        conf.forEach(b::config);
        SparkSession s = b.getOrCreate();
        if (verbose) {
            s.sparkContext().setLogLevel("INFO");
        }
        return s;
    }
}
