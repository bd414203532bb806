/**
 * What the agent and report-tools share with pytest-abort: markers ({@link io.testabort.crash.Marker}) and
 * how to tell a crash from them ({@link io.testabort.crash.MarkerCheck}, {@link io.testabort.crash.Collector}),
 * crash records and their reasons, the JSONL crash log ({@link io.testabort.crash.CrashLog}) and the JVM's
 * fatal error log.
 */
package io.testabort.crash;
