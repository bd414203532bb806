package io.testabort.agent.junitplatform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A running node's unique id as text and as parsed segments, kept from its start to its end: a child's
 * are its parent's plus one segment, so neither is formatted nor parsed again per test (both were a
 * visible part of a test start's cost in a JVM that still interprets the agent).
 */
final class PlatformNode {
  final String text;
  final List<PlatformNodeIds.Segment> segments;
  /** The Platform's {@code UniqueId} of the node and its {@code getSegments()}, when known: a child's check. */
  final Object id;
  final List<?> platformSegments;

  private PlatformNode(String text, List<PlatformNodeIds.Segment> segments, Object id, List<?> platformSegments) {
    this.text = text;
    this.segments = segments;
    this.id = id;
    this.platformSegments = platformSegments;
  }

  /** A node known only by its text: parsed here. */
  static PlatformNode parsed(String text) {
    return parsed(text, null, null);
  }

  /** A node by its text, parsed here, with the Platform's id and segments (either may be null). */
  static PlatformNode parsed(String text, Object id, List<?> platformSegments) {
    return new PlatformNode(text, PlatformNodeIds.parse(text), id, platformSegments);
  }

  /** This node's child whose last segment is {@code [type:value]}, both plain ({@link UniqueIdText#isPlain}). */
  PlatformNode child(String type, String value) {
    return child(type, value, null, null);
  }

  /** The same, with the child's Platform id and segments. */
  PlatformNode child(String type, String value, Object childId, List<?> childPlatformSegments) {
    String childText = new StringBuilder(text.length() + type.length() + value.length() + 4)
        .append(text).append("/[").append(type).append(':').append(value).append(']').toString();
    List<PlatformNodeIds.Segment> childSegments = new ArrayList<>(segments.size() + 1);
    childSegments.addAll(segments);
    childSegments.add(new PlatformNodeIds.Segment(type, value)); // plain: nothing to decode
    return new PlatformNode(childText, Collections.unmodifiableList(childSegments), childId, childPlatformSegments);
  }
}
