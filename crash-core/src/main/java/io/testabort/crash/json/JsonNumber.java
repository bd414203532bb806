package io.testabort.crash.json;

import java.math.BigDecimal;

/** A number read from JSON, kept as its text so writing it back reproduces what was read. */
public final class JsonNumber extends Number {
  private static final long serialVersionUID = 1L;

  private final String text;

  public JsonNumber(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  @Override
  public int intValue() {
    return (int) longValue();
  }

  @Override
  public long longValue() {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return (long) doubleValue();
    }
  }

  @Override
  public float floatValue() {
    return (float) doubleValue();
  }

  @Override
  public double doubleValue() {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        return new BigDecimal(text).doubleValue();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNumber && ((JsonNumber) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
