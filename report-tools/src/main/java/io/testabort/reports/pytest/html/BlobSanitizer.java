package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * pytest-abort's {@code sanitize_html_file_jsonblob}, streamed: every string value of the blob goes
 * through {@link TextSanitizer}; the blob is written back as {@code json.dumps(ensure_ascii=False)}
 * then {@code html.escape} would write it, in the same quotes; the rest of the file is copied byte for byte.
 */
public final class BlobSanitizer {
  private BlobSanitizer() {}

  /**
   * Sanitizes one report in place. Returns false, leaving the file alone, when no string value changes
   * (so a second run never rewrites) or when the page is an older table-only report without a blob.
   */
  public static boolean sanitize(Path file) throws IOException, BadInputException {
    BlobFile blob = BlobFile.open(file);
    if (blob == null) {
      if (TableOnlyReport.looksLikeOne(file)) {
        return false;
      }
      throw new BadInputException(file, "not a pytest-html report (no data-jsonblob attribute)");
    }
    return Rewrite.atomically(file, out -> {
      boolean[] changed = {false};
      blob.write(out, null, null, (in, gen) -> {
        JsonToken t = in.nextToken();
        if (t != JsonToken.START_OBJECT) {
          throw new BadInputException(file, "data-jsonblob is not a JSON object");
        }
        Tokens.copyValue(in, gen, s -> {
          String r = TextSanitizer.sanitize(s);
          if (r != s) {
            changed[0] = true;
          }
          return r;
        });
        expectEnd(in, file);
      }, HtmlEscapingWriter.Style.PYTHON, false);
      return changed[0];
    });
  }

  static void expectEnd(JsonParser in, Path file) throws IOException, BadInputException {
    if (in.nextToken() != null) {
      throw new BadInputException(file, "data-jsonblob has text after its JSON object");
    }
  }
}
