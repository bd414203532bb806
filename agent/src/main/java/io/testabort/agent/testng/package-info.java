/**
 * Hooks into TestNG: each test invocation ({@code TestInvoker.invokeMethod}), its listener calls (phases)
 * and configuration methods (class-level setup and teardown, skips). The advice calls
 * {@link io.testabort.agent.testng.TestNGEvents}. Imports no other framework package.
 */
package io.testabort.agent.testng;
