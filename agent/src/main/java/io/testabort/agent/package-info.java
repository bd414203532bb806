/**
 * The agent's entry points ({@code premain}, {@code agentmain}): they hand over to
 * {@link io.testabort.agent.core.AgentRuntime} and never throw into the JVM's start-up.
 */
package io.testabort.agent;
