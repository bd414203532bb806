/**
 * CI summaries of the crashed tests of a crash log: per test its name, reason, phase, framework,
 * duration, the Java frames of the crashed thread and the head of the JVM's fatal error log. One class
 * per format (Markdown for GitHub Actions' job summary, plain text, a self-contained HTML page);
 * {@link io.testabort.reports.summary.StepSummary} appends the Markdown to {@code $GITHUB_STEP_SUMMARY}.
 */
package io.testabort.reports.summary;
