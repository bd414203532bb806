/**
 * The agent's entry points ({@code premain}, {@code agentmain}) and its start-up wiring,
 * {@link io.testabort.agent.AgentRuntime}: the one place that knows every package (the core, the
 * transformer, the frameworks to hook). Nothing here throws into the JVM's start-up. The packages below
 * depend only downward: frameworks on {@code instrument} and {@code core}, {@code instrument} on
 * {@code bridge} and {@code core}, {@code core} on none ({@code PackageDependenciesTest}).
 */
package io.testabort.agent;
