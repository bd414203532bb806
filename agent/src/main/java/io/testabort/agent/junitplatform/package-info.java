/**
 * Hooks into the JUnit Platform launcher (every engine: Jupiter, Vintage, TestNG's engine, others) and
 * Jupiter's method invocation (phases, skips). The advice reads each node's unique id as text and
 * segments ({@code UniqueIdText}, from its parent's {@code PlatformNode} where it can) and hands them to
 * {@link io.testabort.agent.junitplatform.PlatformEvents}, which turns unique ids into node ids
 * ({@code PlatformNodeIds}) and reports to the core. Imports no other framework package.
 */
package io.testabort.agent.junitplatform;
