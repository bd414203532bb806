/**
 * {@code report-tools attach PID}: the agent loaded into a JVM that is already running (and maybe hung)
 * names the tests in flight on every thread from their stacks, since no hook saw them start, and writes
 * them as a marker and a report for the attaching tool. Knows no framework types: it reads frames and
 * annotation names.
 */
package io.testabort.agent.attach;
