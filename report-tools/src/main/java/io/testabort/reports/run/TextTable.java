package io.testabort.reports.run;

import java.io.PrintWriter;
import java.util.List;

/** Plain text columns, left-aligned, two spaces apart; the last column is not padded. */
final class TextTable {
  private TextTable() {}

  static void print(PrintWriter out, String prefix, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(prefix);
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
