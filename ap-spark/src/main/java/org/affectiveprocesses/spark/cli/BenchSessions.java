package org.affectiveprocesses.spark.cli;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The Spark sessions of a benchmark: one per master, stopped before the next starts. */
final class BenchSessions {
    private BenchSessions() {
    }

    static SparkSession start(String master, Map<String, String> conf) {
        SparkSession.Builder b = SparkSession.builder().master(master).appName("ap-spark bench " + master)
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false");
        conf.forEach(b::config);
        return b.getOrCreate();
    }
}
