package org.affectiveprocesses.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of this module's tests, shared by every test class of the JVM: {@code
 * local[2,2]}, two task slots (as CI's two cores) and up to two attempts per task, so a task that
 * fails once is retried as on a cluster.
 */
final class SparkTestSession {
    private static SparkSession session;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder().master("local[2,2]").appName("ap-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }
}
