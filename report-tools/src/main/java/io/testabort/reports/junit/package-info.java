/**
 * JUnit XML reports: finds where a directory's tool (Surefire, Failsafe, Gradle, pytest) put a test or
 * would put it, and splices the crashed test case into the text, escaping everything; with several
 * report directories (Surefire's and Failsafe's), which one a crash goes to.
 */
package io.testabort.reports.junit;
