/**
 * {@code report-tools run}: runs a test command with the agent until it completes without a new crash
 * ({@link io.testabort.reports.run.TestRunner}), one JVM per GPU when asked
 * ({@link io.testabort.reports.run.ShardedLauncher}), and a run past its time limit named, killed and
 * recorded.
 */
package io.testabort.reports.run;
