package io.testabort.agent.junitplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

/** A node's id text built from its parent's is the Platform's own {@code toString()}, from real {@code UniqueId}s. */
class UniqueIdTextTest {
  private static final UniqueId ENGINE = UniqueId.forEngine("junit-jupiter");
  private static final UniqueId CLASS = ENGINE.append("class", "acme.LedgerTest$Nested");

  private static String text(UniqueId id, UniqueId parent) throws ReflectiveOperationException {
    return UniqueIdText.of(id, parent, PlatformNode.parsed(parent.toString())).text;
  }

  @Test
  void plainSegmentsAreBuiltFromTheParentAndMatchThePlatform() throws ReflectiveOperationException {
    List<UniqueId> children = List.of(
        CLASS.append("method", "posts()"),
        CLASS.append("method", "reconciles(int, java.lang.String, acme.Ledger$Entry)"),
        CLASS.append("test-template", "reconciles(int)").append("test-template-invocation", "#12"),
        CLASS.append("dynamic-container", "#1").append("dynamic-test", "#3"),
        ENGINE.append("class", "acme.Spaces and (parens), commas; 'quotes' \"too\" <tags>?"));
    for (UniqueId child : children) {
      UniqueId parent = child.removeLastSegment();
      assertThat(UniqueIdText.childOf(child, parent, parent.toString())).isEqualTo(child.toString());
      assertThat(text(child, parent)).isEqualTo(child.toString());
    }
  }

  @Test
  void segmentsThePlatformEncodesAreLeftToThePlatform() throws ReflectiveOperationException {
    for (String value : List.of("a/b()", "a:b()", "[x]()", "sum(int[])", "100%()", "a+b()", "naïve()", "日本()", "tab\t()", "new\nline()")) {
      UniqueId child = CLASS.append("method", value);
      assertThat(UniqueIdText.childOf(child, CLASS, CLASS.toString())).as(value).isNull();
      assertThat(text(child, CLASS)).as(value).isEqualTo(child.toString());
    }
    UniqueId oddType = CLASS.append("my:type", "plain()");
    assertThat(UniqueIdText.childOf(oddType, CLASS, CLASS.toString())).isNull();
    assertThat(text(oddType, CLASS)).isEqualTo(oddType.toString());
  }

  @Test
  void anIdThatIsNotItsParentsPlusOneSegmentIsLeftToThePlatform() throws ReflectiveOperationException {
    UniqueId twoDeeper = CLASS.append("method", "a()").append("method", "b()");
    assertThat(UniqueIdText.childOf(twoDeeper, CLASS, CLASS.toString())).isNull();
    assertThat(text(twoDeeper, CLASS)).isEqualTo(twoDeeper.toString());

    UniqueId elsewhere = UniqueId.forEngine("junit-vintage").append("runner", "acme.LedgerTest");
    assertThat(UniqueIdText.childOf(elsewhere, CLASS, CLASS.toString())).isNull();
    assertThat(text(elsewhere, CLASS)).isEqualTo(elsewhere.toString());
  }

  @Test
  void withoutAParentTheTextIsThePlatforms() throws ReflectiveOperationException {
    assertThat(UniqueIdText.of(ENGINE, null, null).text).isEqualTo("[engine:junit-jupiter]");
    UniqueId child = CLASS.append("method", "posts()");
    assertThat(UniqueIdText.of(child, CLASS, null).text).isEqualTo(child.toString());
  }

  @Test
  void aChildsSegmentsAreItsParentsPlusItsOwnAsParsingItsTextGivesThem() throws ReflectiveOperationException {
    UniqueId template = CLASS.append("test-template", "reconciles(int)");
    UniqueId invocation = template.append("test-template-invocation", "#12");
    PlatformNode parent = UniqueIdText.of(template, CLASS, PlatformNode.parsed(CLASS.toString()));
    PlatformNode node = UniqueIdText.of(invocation, template, parent);

    List<PlatformNodeIds.Segment> parsed = PlatformNodeIds.parse(invocation.toString());
    assertThat(node.segments).hasSameSizeAs(parsed);
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(node.segments.get(i).type).isEqualTo(parsed.get(i).type);
      assertThat(node.segments.get(i).value).isEqualTo(parsed.get(i).value);
    }
  }

  @Test
  void anEqualParentIdMadeApartFromTheChildStillCounts() throws ReflectiveOperationException {
    // the same parent id built twice: no shared segment objects, equal ids
    UniqueId parent = UniqueId.forEngine("junit-jupiter").append("class", "acme.LedgerTest$Nested");
    UniqueId child = CLASS.append("method", "posts()");
    assertThat(UniqueIdText.childOf(child, parent, parent.toString())).isEqualTo(child.toString());
  }

  @Test
  void plainIsPrintableAsciiOutsideTheEncodedSix() {
    assertThat(UniqueIdText.isPlain(" !\"#$&'()*,-.0123456789;<=>?@AZ\\^_`az{|}~")).isTrue();
    for (char c : new char[] {'%', '+', '[', ']', ':', '/', '\u001f', '\u007f', '\u00e9', '\u65e5'}) {
      assertThat(UniqueIdText.isPlain("a" + c + "b")).as("U+%04X", (int) c).isFalse();
    }
  }
}
