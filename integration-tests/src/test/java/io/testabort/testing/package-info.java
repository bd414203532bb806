/** Test support: the programs beside the JDK that some tests need, failing on CI and skipped visibly elsewhere. */
package io.testabort.testing;
