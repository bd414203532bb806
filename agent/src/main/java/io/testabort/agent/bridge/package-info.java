/**
 * How hooked framework classes reach the agent from any class loader: a small class defined into
 * {@code java.base} ({@code java.lang.TestAbortBridge}) that holds the agent's dispatcher as a
 * {@code BiFunction<String, Object[], Object>} and speaks JDK types only.
 */
package io.testabort.agent.bridge;
