/**
 * pytest's own report files: pytest-json-report ({@link io.testabort.reports.pytest.PytestJsonReport},
 * patched in one streamed pass), the CSV reports, and the node ids and crash texts they share.
 * pytest-html pages are in {@code html}.
 */
package io.testabort.reports.pytest;
