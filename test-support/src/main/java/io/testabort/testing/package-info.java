/**
 * Test support shared by the test modules: the programs beside the JDK that some tests need (failing on
 * CI, skipped visibly elsewhere) and headless Chromium, which renders pages as a person would see them.
 */
package io.testabort.testing;
