/**
 * {@code report-tools attach PID}: names the tests in flight in a running, perhaps hung, JVM. A JVM that
 * runs the agent publishes where its marker is, which is read without attaching; any other JVM gets the
 * agent attached (byte-buddy-agent over the JDK's Attach API), which names the tests from their threads'
 * stacks, writes the marker and records the tests that start later.
 */
package io.testabort.reports.attach;
