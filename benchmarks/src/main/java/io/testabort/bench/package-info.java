/**
 * JMH benchmarks of the agent's marker traffic (row 3 of {@code benchmarks/run.sh}, README
 * "Performance"): one test's whole lifecycle and the page writes it is made of, with the baselines
 * they are read against.
 */
package io.testabort.bench;
