/**
 * The framework-neutral core of the agent: what runs in this JVM and the marker that names it.
 *
 * <p>Framework packages call {@link io.testabort.agent.core.TestEvents} (never throws) with
 * {@link io.testabort.agent.core.RunningTest}s they describe. {@link io.testabort.agent.core.AgentSession}
 * builds the one {@link io.testabort.agent.core.TestRegistry} on first use and settles it at shutdown;
 * the registry keeps {@code RunningTests} and the marker in step under one lock.
 * {@code MarkerWriter} decides what the marker shows, {@code MarkerRenderer} renders it into one page
 * counted in bytes, and {@link io.testabort.agent.core.MarkerFile} writes it so it is never torn.
 * Around them: the options ({@code AgentOptions}), the skip list, the watchdog ({@code timeout}), exit
 * records, the collection of dead JVMs' markers and the agent's one stderr channel ({@code AgentLog}).
 *
 * <p>It imports no framework and nothing of the packages above it.
 */
package io.testabort.agent.core;
