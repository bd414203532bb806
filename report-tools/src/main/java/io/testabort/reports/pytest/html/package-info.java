/**
 * pytest-html pages: patching a crash into a page ({@link io.testabort.reports.pytest.html.PytestHtmlReport}),
 * pytest-abort's sanitizing of the data-jsonblob ({@link io.testabort.reports.pytest.html.BlobSanitizer}),
 * and merging pages ({@link io.testabort.reports.pytest.html.HtmlMerger}). Pages of 100 MB are streamed
 * over their bytes; the blob is HTML-unescaped and re-escaped on the way.
 */
package io.testabort.reports.pytest.html;
