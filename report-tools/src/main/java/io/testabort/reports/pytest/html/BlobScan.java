package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.testabort.crash.BadInputException;
import java.io.IOException;

/**
 * One read-only pass over a blob: does it already show a node id, and what do its entries count to.
 * Entries are found the way app.js finds them ({@code Object.values(tests).flat()}): a list of results
 * per key, a bare result object, or {@code tests} as a plain list.
 */
final class BlobScan {
  final SummaryCounts counts = new SummaryCounts();
  boolean containsNodeid;
  boolean hasTests;

  private final String nodeid;

  private BlobScan(String nodeid) {
    this.nodeid = nodeid;
  }

  static BlobScan of(BlobFile blob, String nodeid) throws IOException, BadInputException {
    BlobScan scan = new BlobScan(nodeid);
    blob.read(p -> {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadInputException(blob.path, "data-jsonblob is not a JSON object");
      }
      while (Tokens.next(p) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        Tokens.next(p);
        if ("tests".equals(name)) {
          scan.hasTests = true;
          scan.tests(p);
        } else {
          p.skipChildren();
        }
      }
      BlobSanitizer.expectEnd(p, blob.path);
      return null;
    });
    return scan;
  }

  private void tests(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_OBJECT) {
      while (Tokens.next(p) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (nodeid != null && (key.equals(nodeid) || key.endsWith(":" + nodeid))) {
          containsNodeid = true;
        }
        Tokens.next(p);
        resultOrList(p);
      }
    } else if (p.currentToken() == JsonToken.START_ARRAY) {
      resultOrList(p);
    } else {
      p.skipChildren();
    }
  }

  private void resultOrList(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.START_ARRAY) {
      while (Tokens.next(p) != JsonToken.END_ARRAY) {
        if (p.currentToken() == JsonToken.START_OBJECT) {
          result(p);
        } else {
          p.skipChildren();
        }
      }
    } else if (p.currentToken() == JsonToken.START_OBJECT) {
      result(p);
    } else {
      p.skipChildren();
    }
  }

  private void result(JsonParser p) throws IOException {
    String result = null;
    String duration = null;
    while (Tokens.next(p) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = Tokens.next(p);
      if (v == JsonToken.VALUE_STRING && "result".equals(name)) {
        result = p.getText();
      } else if (v == JsonToken.VALUE_STRING && "duration".equals(name)) {
        duration = p.getText();
      } else if (v == JsonToken.VALUE_STRING && "testId".equals(name) && p.getText().equals(nodeid)) {
        containsNodeid = true;
      } else {
        p.skipChildren();
      }
    }
    counts.add(result, duration);
  }

}
