package io.testabort.reports.pytest.html;

import io.testabort.crash.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the {@code data-jsonblob} attribute by scanning bytes, so a 100 MB report is never decoded
 * into one string. The value ends at the next quote of the kind that opened it: inside the value that
 * quote can only appear as an entity.
 */
final class JsonBlobLocator {
  private static final byte[] NAME = "data-jsonblob".getBytes(StandardCharsets.US_ASCII);

  private JsonBlobLocator() {}

  /** The blob's location, or null when the file has no such attribute; truncated attribute: bad input. */
  static BlobLocation locate(Path file) throws IOException, BadInputException {
    return find(file, true);
  }

  /**
   * Where the blob starts and its quote, or null; its end is left unknown (-1): for readers that find
   * the closing quote themselves, so a big blob is not read twice.
   */
  static BlobLocation locateStart(Path file) throws IOException, BadInputException {
    return find(file, false);
  }

  private static BlobLocation find(Path file, boolean withEnd) throws IOException, BadInputException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long offset = 0;
      int matched = 0;
      int b;
      while ((b = in.read()) != -1) {
        offset++;
        if (b == NAME[matched]) {
          if (++matched < NAME.length) {
            continue;
          }
          matched = 0;
          // after the name: optional blanks, '=', optional blanks, a quote
          int c = in.read();
          offset++;
          while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = in.read();
            offset++;
          }
          if (c != '=') {
            if (c == -1) {
              return null;
            }
            continue;
          }
          c = in.read();
          offset++;
          while (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            c = in.read();
            offset++;
          }
          if (c != '"' && c != '\'') {
            if (c == -1) {
              return null;
            }
            continue;
          }
          long start = offset;
          if (!withEnd) {
            return new BlobLocation(start, -1, (char) c);
          }
          long end = findByte(in, c, start);
          if (end < 0) {
            throw new BadInputException(file, "truncated report: the data-jsonblob attribute is not closed");
          }
          return new BlobLocation(start, end, (char) c);
        } else {
          matched = b == NAME[0] ? 1 : 0;
        }
      }
      return null;
    }
  }

  private static long findByte(InputStream in, int target, long offset) throws IOException {
    byte[] buf = new byte[1 << 16];
    int n;
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buf[i] == target) {
          return offset + i;
        }
      }
      offset += n;
    }
    return -1;
  }
}
