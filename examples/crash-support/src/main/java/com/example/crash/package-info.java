/**
 * Crash points for the example suites and the integration tests: a test names a point, and the system
 * properties say whether and how the JVM dies there ({@link com.example.crash.Crash}).
 */
package com.example.crash;
