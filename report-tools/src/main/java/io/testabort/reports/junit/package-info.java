/**
 * JUnit XML reports: finds where a directory's tool (Surefire, Failsafe, Gradle, the JUnit console
 * launcher, pytest) put a test or would put it, and writes the crashed test case in as a stream
 * ({@code ReportScan} reads a report once, {@code ReportEdits} copies its bytes around the edits),
 * escaping everything; with several report directories (Surefire's and Failsafe's), which one a crash
 * goes to.
 */
package io.testabort.reports.junit;
