/**
 * Hooks into JUnit 4 run directly ({@code JUnitCore}, a runner of its own): {@code RunNotifier},
 * {@code ParentRunner}, {@code RunBefores}/{@code InvokeMethod}. The advice calls
 * {@link io.testabort.agent.junit4.JUnit4Events}; under the JUnit Platform's Vintage engine it only moves
 * the phase of the test the Platform hooks recorded. Imports no other framework package.
 */
package io.testabort.agent.junit4;
