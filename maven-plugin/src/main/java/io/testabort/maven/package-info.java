/**
 * The Maven goals: {@code prepare-agent} puts the agent on the forked test JVMs' command line (the
 * {@code argLine} that Surefire and Failsafe read), {@code report} turns what crashed JVMs left into the
 * crash log and the JUnit XML reports. The goals are thin; the work is in crash-core and report-tools.
 */
package io.testabort.maven;
