package io.testabort.reports.pytest.html;

/** Where a {@code data-jsonblob} attribute value sits in a file: bytes {@code [start, end)}, between quotes. */
final class BlobLocation {
  final long start;
  final long end;
  final char quote;

  BlobLocation(long start, long end, char quote) {
    this.start = start;
    this.end = end;
    this.quote = quote;
  }

  long length() {
    return end - start;
  }
}
