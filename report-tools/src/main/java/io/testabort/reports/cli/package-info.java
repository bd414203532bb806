/**
 * The {@code java -jar test-abort-report-tools.jar} command line: one thin picocli command per class over
 * the library, {@link io.testabort.reports.cli.Main} for the exit codes, and the start-up path
 * ({@link io.testabort.reports.cli.JarMain}, {@link io.testabort.reports.cli.PlainArgs}) that spares the
 * hot commands picocli's start-up cost.
 */
package io.testabort.reports.cli;
